package dev.sxs.jmx.mbean;

import javax.management.MBeanOperationInfo;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The description JConsole shows for an MBean (on its interface), an attribute (on its getter) or an
 * operation (on its method), and, for operations, their impact.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Description
{
    /** @return the text. */
    String value();

    /**
     * @return for operations: {@link MBeanOperationInfo#INFO} for reads, {@link MBeanOperationInfo#ACTION}
     * for operations that change state.
     */
    int impact() default MBeanOperationInfo.INFO;
}
