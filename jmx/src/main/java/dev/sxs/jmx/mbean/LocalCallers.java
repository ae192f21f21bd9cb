package dev.sxs.jmx.mbean;

import dev.sxs.jmx.remote.CurrentSubject;
import dev.sxs.jmx.remote.OperationPolicy;

import javax.management.ObjectName;
import java.rmi.server.RemoteServer;
import java.rmi.server.ServerNotActiveException;

/**
 * The {@code jmx.local=readonly} rule: a caller inside the host JVM that did not authenticate to JMX (an
 * in-process bridge such as Jolokia, Hawtio or Spring Boot's actuator, or any host code) may read
 * attributes and invoke the read operations of {@link OperationPolicy}, nothing else. A call that arrives
 * over a JMX connector is not in-process: sxs's remote connector authenticates and checks roles itself, and
 * the JDK's local connector, which {@code bin/sxs} reaches by attaching, admits only the JVM's own OS user.
 * Checked on the request thread, before a call is handed to a {@link CallRunner}. Stateless, thread-safe.
 */
public final class LocalCallers
{
    private LocalCallers()
    {
    }

    /**
     * @return true when the current call comes from inside the JVM without a JMX subject (not over RMI).
     */
    public static boolean inProcess()
    {
        if (CurrentSubject.get() != null)
        {
            return false;
        }
        try
        {
            RemoteServer.getClientHost();
            return false;
        }
        catch (final ServerNotActiveException ex)
        {
            return true;
        }
    }

    /**
     * @param readOnly  whether {@code jmx.local=readonly}.
     * @param mbean     the MBean called, or null when not known yet.
     * @param operation the operation.
     * @throws SecurityException when the rule refuses the call.
     */
    public static void check(final boolean readOnly, final ObjectName mbean, final String operation)
    {
        if (readOnly && !OperationPolicy.isReadOperation(mbean, operation) && inProcess())
        {
            throw new SecurityException("access denied: jmx.local=readonly lets callers in this JVM without JMX "
                + "authentication only read; '" + operation + "' needs the sxs command line or an authenticated "
                + "remote JMX user with role readwrite");
        }
    }
}
