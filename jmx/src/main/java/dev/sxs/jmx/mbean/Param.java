package dev.sxs.jmx.mbean;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Name and description of an operation parameter, as JConsole shows them (class files do not keep
 * parameter names).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param
{
    /** @return the parameter name. */
    String name();

    /** @return what the parameter means, with its format. */
    String description();
}
