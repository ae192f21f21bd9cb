package dev.sxs.jmx.metrics;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.NotCompliantMBeanException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * One Dropwizard metric MBean (as {@code JmxReporter} builds it) with descriptions: the MBean says what the
 * metric measures, each attribute and operation what it shows ({@link MetricDescriptions}). Attributes,
 * names and values are Dropwizard's, unchanged. Thread-safe like {@link StandardMBean}.
 */
final class DescribedMetric extends StandardMBean
{
    private final String metric;

    /**
     * @param <T>            the metric MBean interface.
     * @param implementation Dropwizard's metric MBean.
     * @param type           its MBean interface (e.g. {@code JmxReporter.JmxMeterMBean}).
     * @param name           the name it is registered under ({@code dev.sxs.metrics:name=NAME,type=TYPE}).
     * @throws NotCompliantMBeanException when the object does not implement the interface.
     */
    <T> DescribedMetric(final T implementation, final Class<T> type, final ObjectName name)
        throws NotCompliantMBeanException
    {
        super(implementation, type);
        final String named = name.getKeyProperty("name");
        this.metric = named == null ? name.toString() : named.startsWith("\"") ? ObjectName.unquote(named) : named;
    }

    @Override
    protected String getDescription(final MBeanInfo info)
    {
        return MetricDescriptions.metric(metric);
    }

    @Override
    protected String getDescription(final MBeanAttributeInfo info)
    {
        final String d = MetricDescriptions.attribute(info.getName());
        return d == null ? super.getDescription(info) : d;
    }

    @Override
    protected String getDescription(final MBeanOperationInfo info)
    {
        final String d = MetricDescriptions.operation(info.getName());
        return d == null ? super.getDescription(info) : d;
    }

    @Override
    protected int getImpact(final MBeanOperationInfo info)
    {
        return MBeanOperationInfo.INFO;
    }
}
