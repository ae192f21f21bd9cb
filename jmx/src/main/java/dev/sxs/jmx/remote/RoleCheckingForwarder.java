package dev.sxs.jmx.remote;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.remote.MBeanServerForwarder;
import javax.security.auth.Subject;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;

/**
 * An {@link MBeanServerForwarder} installed in front of the remote connector that checks the caller's
 * role on every request:
 * <ul>
 *   <li>reading (attributes, MBean info, queries, notifications) needs any role;</li>
 *   <li>{@code invoke} needs {@link Role#READWRITE}, except the read operations of
 *       {@link OperationPolicy}, which {@link Role#READONLY} may call;</li>
 *   <li>{@code setAttribute(s)} needs {@link Role#READWRITE};</li>
 *   <li>creating, registering or unregistering MBeans, class loaders and deserialization are denied
 *       to every remote caller (the classic JMX code-loading holes).</li>
 * </ul>
 * A denial is a {@link SecurityException} naming the user, the role and what was refused. Calls
 * without a subject are the connector's own internal calls and pass (authentication is mandatory, so
 * every client request carries its subject); a subject without a role is denied everything. Thread-safe: holds only
 * immutable rules.
 */
public final class RoleCheckingForwarder implements InvocationHandler
{
    private static final Set<String> READS = Set.of(
        "getAttribute", "getAttributes", "getMBeanInfo", "queryMBeans", "queryNames", "isRegistered",
        "getMBeanCount", "getDefaultDomain", "getDomains", "getObjectInstance", "isInstanceOf",
        "addNotificationListener", "removeNotificationListener");
    private static final Set<String> WRITES = Set.of("setAttribute", "setAttributes");

    private final AccessFile access;
    private volatile MBeanServer target;

    private RoleCheckingForwarder(final AccessFile access)
    {
        this.access = access;
    }

    /**
     * @param access the roles of the users.
     * @return a new forwarder; the connector server sets its target.
     */
    public static MBeanServerForwarder create(final AccessFile access)
    {
        return (MBeanServerForwarder)Proxy.newProxyInstance(
            MBeanServerForwarder.class.getClassLoader(),
            new Class<?>[] {MBeanServerForwarder.class},
            new RoleCheckingForwarder(access));
    }

    @Override
    public Object invoke(final Object proxy, final Method method, final Object[] args) throws Throwable
    {
        final String name = method.getName();
        switch (name)
        {
            case "getMBeanServer":
                return target;
            case "setMBeanServer":
                if (args[0] == null)
                {
                    throw new IllegalArgumentException("null MBeanServer");
                }
                if (target != null)
                {
                    throw new IllegalArgumentException("MBeanServer object already initialized");
                }
                target = (MBeanServer)args[0];
                return null;
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "RoleCheckingForwarder[" + target + "]";
            default:
                check(name, args);
                break;
        }
        final MBeanServer server = target;
        if (server == null)
        {
            throw new IllegalStateException("forwarder has no MBeanServer");
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

    private void check(final String method, final Object[] args)
    {
        final Subject subject = CurrentSubject.get();
        if (subject == null)
        {
            // the connector's own set-up calls (getClassLoaderRepository for a new connection); every
            // client request runs as its authenticated subject, since authentication is mandatory
            return;
        }
        final List<String> names = CurrentSubject.principalNames(subject);
        final Role role = access.roleOf(names);
        final String who = names.isEmpty() ? "(unauthenticated)" : String.join(",", names);
        if (role == null)
        {
            throw new SecurityException("access denied: user '" + who + "' has no role in the JMX access file");
        }
        if (READS.contains(method))
        {
            return;
        }
        if (method.equals("invoke"))
        {
            final ObjectName mbean = (ObjectName)args[0];
            final String operation = (String)args[1];
            if (role == Role.READWRITE || OperationPolicy.isReadOperation(mbean, operation))
            {
                return;
            }
            throw new SecurityException("access denied: user '" + who + "' has role " + role.label()
                + "; operation '" + operation + "' on " + mbean + " needs readwrite");
        }
        if (WRITES.contains(method))
        {
            if (role == Role.READWRITE)
            {
                return;
            }
            throw new SecurityException("access denied: user '" + who + "' has role " + role.label()
                + "; " + method + " on " + args[0] + " needs readwrite");
        }
        throw new SecurityException("access denied: " + method + " is not allowed over remote JMX");
    }
}
