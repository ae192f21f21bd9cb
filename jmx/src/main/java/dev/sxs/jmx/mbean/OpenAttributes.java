package dev.sxs.jmx.mbean;

import javax.management.openmbean.OpenType;
import java.util.Map;

/**
 * Attributes of an MBean implementation whose open type is only known at run time, such as a
 * {@link javax.management.openmbean.CompositeData} with one item per configured setting: the MXBean
 * mapping cannot derive it from a Java type, so {@link DescribedMBean} takes the type and the value from
 * here (the interface's getter still carries the {@link Description}). Threading: any JMX thread.
 */
public interface OpenAttributes
{
    /**
     * @return attribute name to its open type; fixed for the life of the MBean.
     */
    Map<String, OpenType<?>> openAttributeTypes();

    /**
     * @param name an attribute named by {@link #openAttributeTypes()}.
     * @return its value, of that open type.
     */
    Object openAttribute(String name);
}
