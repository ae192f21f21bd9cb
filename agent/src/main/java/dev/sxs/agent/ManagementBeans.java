package dev.sxs.agent;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The MBeans sxs registers in the platform MBean server, and their removal on stop. Every sxs MBean is
 * registered through {@link #register} so {@link #close()} can unregister all of them: extend
 * {@link SxsAgent#registerBeans} (the one place) to add more.
 * <p>
 * Threading: used by the starting and the stopping thread only. Failure: {@link #close()} never throws.
 */
public final class ManagementBeans implements AutoCloseable
{
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new ArrayList<>();

    /**
     * @param name          the object name, e.g. {@code dev.sxs:type=Runtime}.
     * @param bean          the implementation.
     * @param managementApi its management interface.
     * @param <T>           the interface type.
     * @throws IllegalStateException when the name is taken or the bean is not compliant.
     */
    public synchronized <T> void register(final String name, final T bean, final Class<T> managementApi)
    {
        try
        {
            final ObjectName objectName = new ObjectName(name);
            server.registerMBean(new StandardMBean(bean, managementApi), objectName);
            registered.add(objectName);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("cannot register MBean " + name + ": " + ex, ex);
        }
    }

    /**
     * @return the names registered so far.
     */
    public synchronized List<ObjectName> names()
    {
        return List.copyOf(registered);
    }

    /**
     * Unregister every MBean registered here, newest first.
     */
    @Override
    public synchronized void close()
    {
        for (int i = registered.size() - 1; i >= 0; i--)
        {
            try
            {
                server.unregisterMBean(registered.get(i));
            }
            catch (final Exception ignored)
            {
                // already gone
            }
        }
        registered.clear();
    }
}
