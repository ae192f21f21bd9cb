package dev.sxs.jmx.metrics;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The MBean server Dropwizard's {@code JmxReporter} registers its metric MBeans with: every call goes to the
 * real server, except that each registered metric MBean is first wrapped in a {@link DescribedMetric}, so
 * JConsole shows what the metric measures instead of the JDK's default "Information on the management
 * interface of the MBean" ({@code JmxReporter} offers no hook for descriptions). Thread-safe as the real
 * server.
 */
final class DescribingMBeanServer implements InvocationHandler
{
    private final MBeanServer server;

    private DescribingMBeanServer(final MBeanServer server)
    {
        this.server = server;
    }

    /**
     * @param server the real MBean server.
     * @return a server that describes the metric MBeans registered through it.
     */
    static MBeanServer wrap(final MBeanServer server)
    {
        return (MBeanServer)Proxy.newProxyInstance(MBeanServer.class.getClassLoader(),
            new Class<?>[] {MBeanServer.class}, new DescribingMBeanServer(server));
    }

    @Override
    public Object invoke(final Object proxy, final Method method, final Object[] args) throws Throwable
    {
        if ("registerMBean".equals(method.getName()) && args.length == 2 && args[1] instanceof ObjectName name)
        {
            return server.registerMBean(described(args[0], name), name);
        }
        try
        {
            return method.invoke(server, args);
        }
        catch (final InvocationTargetException ex)
        {
            throw ex.getCause();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // the interface is the object's own MBean interface
    private static Object described(final Object metric, final ObjectName name) throws JMException
    {
        for (final Class<?> type : metric.getClass().getInterfaces())
        {
            if (type.getSimpleName().endsWith("MBean"))
            {
                return new DescribedMetric(metric, (Class)type, name);
            }
        }
        return metric;
    }
}
