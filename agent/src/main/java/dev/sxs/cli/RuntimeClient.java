package dev.sxs.cli;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.InstanceNotFoundException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import dev.sxs.jmx.SxsManagement;

/**
 * A JMX client of the sxs runtime MBean ({@value SxsManagement#RUNTIME_NAME}) in another JVM: a local PID through
 * the attach API and its local connector, or {@code HOST:PORT} through remote JMX (RMI), with optional
 * credentials. Uses only JMX types, no sxs class crosses the connection.
 * <p>
 * Not thread-safe. Close it to release the connection. Failures are {@link CliException}s.
 */
public final class RuntimeClient implements AutoCloseable
{
    /** Highest TCP port number. */
    private static final int MAX_PORT = 65535;

    /** The client name the CLI gives {@code evalSession}, so the runtime knows the CLI as the way in. */
    public static final String CLIENT = "cli";

    private final String target;
    private final JMXConnector connector;
    private final MBeanServerConnection connection;
    private final ObjectName name;
    private final ObjectName sessions;

    private RuntimeClient(final String target, final JMXConnector connector) throws IOException
    {
        this.target = target;
        this.connector = connector;
        this.connection = connector.getMBeanServerConnection();
        try
        {
            this.name = new ObjectName(SxsManagement.RUNTIME_NAME);
            this.sessions = SxsManagement.SESSIONS;
        }
        catch (final MalformedObjectNameException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * @param target      a local PID or {@code HOST:PORT}.
     * @param user        JMX user for a remote target, or null.
     * @param password    JMX password for a remote target, or null.
     * @param ssl         whether the remote connector uses TLS.
     * @return a connected client.
     * @throws CliException when the target cannot be reached.
     */
    public static RuntimeClient connect(final String target, final String user, final String password,
        final boolean ssl)
    {
        final String address;
        final Map<String, Object> env = new HashMap<>();
        if (target.matches("\\d+"))
        {
            final TargetJvm jvm = TargetJvm.of(target);
            final String status = jvm.sxsStatus();
            if (status.startsWith("failed: "))
            {
                throw new CliException(SxsCli.EXIT_UNREACHABLE, "sxs failed in JVM " + target + ": "
                    + status.substring("failed: ".length()));
            }
            if (!status.equals("running"))
            {
                throw new CliException(SxsCli.EXIT_UNREACHABLE, "sxs is " + status + " in JVM " + target
                    + (status.equals("not loaded") || status.equals("stopped") ? " (load it with: sxs attach " + target
                        + ")" : ""));
            }
            address = jvm.localJmxAddress();
        }
        else
        {
            final int colon = target.lastIndexOf(':');
            if (colon <= 0 || !target.substring(colon + 1).matches("\\d{1,5}"))
            {
                throw new CliException(SxsCli.EXIT_USAGE, "'" + target + "' is neither a PID nor HOST:PORT");
            }
            final int port = Integer.parseInt(target.substring(colon + 1));
            if (port < 1 || port > MAX_PORT)
            {
                throw new CliException(SxsCli.EXIT_USAGE, "'" + target + "' has port " + port + "; a port is 1.."
                    + MAX_PORT);
            }
            address = "service:jmx:rmi:///jndi/rmi://" + target + "/jmxrmi";
            if (user != null)
            {
                env.put(JMXConnector.CREDENTIALS, new String[] {user, password == null ? "" : password});
            }
            if (ssl)
            {
                env.put("com.sun.jndi.rmi.factory.socket", new javax.rmi.ssl.SslRMIClientSocketFactory());
            }
        }
        try
        {
            final RuntimeClient client = new RuntimeClient(target,
                JMXConnectorFactory.connect(new JMXServiceURL(address), env));
            if (!client.connection.isRegistered(client.name))
            {
                client.close();
                throw new CliException(SxsCli.EXIT_UNREACHABLE, "no sxs runtime in " + target + " ("
                    + SxsManagement.RUNTIME_NAME + " is not registered)");
            }
            return client;
        }
        catch (final IOException | RuntimeException ex)
        {
            if (ex instanceof CliException c)
            {
                throw c;
            }
            throw new CliException(SxsCli.EXIT_UNREACHABLE, "cannot connect to JMX of " + target + ": "
                + reason(ex), ex);
        }
    }

    /**
     * One line saying why a connection failed, from its deepest cause (RMI and JNDI nest several exceptions whose
     * messages repeat each other over lines and name Java classes).
     *
     * @param failure what the connector threw.
     * @return the reason, without Java class names.
     */
    static String reason(final Throwable failure)
    {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root)
        {
            root = root.getCause();
        }
        if (root instanceof java.net.UnknownHostException)
        {
            return "unknown host " + root.getMessage();
        }
        if (root instanceof java.net.ConnectException)
        {
            return "connection refused (is a JMX connector listening there?)";
        }
        if (root instanceof java.net.SocketTimeoutException)
        {
            return "no answer (timed out)";
        }
        if (root instanceof SecurityException)
        {
            return "access refused: " + firstLine(root.getMessage());
        }
        return firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

    private static String firstLine(final String text)
    {
        final int end = text == null ? -1 : text.indexOf('\n');
        return text == null ? "" : end < 0 ? text : text.substring(0, end);
    }

    /**
     * Evaluate a script in the remote runtime in a fresh unnamed session.
     *
     * @param script the source.
     * @param scope  the scope, or null for the runtime's default scope.
     * @return one printed value per top-level form.
     */
    public List<String> eval(final String script, final String scope)
    {
        return eval(script, scope, null, false);
    }

    /**
     * Evaluate a script in the remote runtime ({@code evalSession} of the runtime MBean, as the CLI).
     *
     * @param script  the source.
     * @param scope   the scope, or null for the session's (or the runtime's default) scope.
     * @param session the session name, or null for a fresh unnamed session.
     * @param replace close the named session first.
     * @return one printed value per top-level form.
     */
    public List<String> eval(final String script, final String scope, final String session, final boolean replace)
    {
        return eval(script, scope, session, replace, null);
    }

    /**
     * Evaluate a script as {@link #eval(String, String, String, boolean)} does, as another entity.
     *
     * @param script  the source.
     * @param scope   the scope, or null.
     * @param session the session name, or null.
     * @param replace close the named session first.
     * @param entity  the entity to run as ({@code --as}), or null for the caller's own.
     * @return one printed value per top-level form.
     */
    public List<String> eval(final String script, final String scope, final String session, final boolean replace,
        final String entity)
    {
        final String s = String.class.getName();
        final Object result = entity == null
            ? invoke("evalSession", new Object[] {session == null ? "" : session, replace, scope, script, CLIENT},
                new String[] {s, boolean.class.getName(), s, s, s})
            : invoke("evalSession", new Object[] {session == null ? "" : session, replace, scope, script, CLIENT,
                entity}, new String[] {s, boolean.class.getName(), s, s, s, s});
        final String text = String.valueOf(result);
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }

    /**
     * @param attribute an attribute of the sessions MBean holding lines ({@code Sessions}, {@code Handlers}).
     * @return its lines.
     */
    public List<String> sessionLines(final String attribute)
    {
        try
        {
            return List.of((String[])connection.getAttribute(sessions, attribute));
        }
        catch (final Exception ex)
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE,
                "cannot read " + attribute + " of sxs in " + target + ": " + message(ex), ex);
        }
    }

    /**
     * Close a session in the remote runtime.
     *
     * @param session its name or id.
     * @return what the runtime answered, or its refusal as an error value (no such session is open).
     */
    public String closeSession(final String session)
    {
        try
        {
            return String.valueOf(connection.invoke(sessions, "close", new Object[] {session},
                new String[] {String.class.getName()}));
        }
        catch (final javax.management.RuntimeMBeanException ex)
        {
            // the runtime refused (no such session): show its message as the error value the CLI prints
            return new dev.sxs.lang.ErrorValue(String.valueOf(ex.getCause().getMessage())).print();
        }
        catch (final Exception ex)
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, "close failed in " + target + ": " + message(ex), ex);
        }
    }

    /**
     * Invoke an operation of the {@code dev.sxs:type=Tasks} MBean.
     *
     * @param operation the operation ({@code list}, {@code show}, {@code resume}, {@code cancel}).
     * @param params    its arguments.
     * @param signature their types.
     * @return its result, or the runtime's refusal (no such task, unknown state) as a printed error value.
     */
    public Object tasks(final String operation, final Object[] params, final String[] signature)
    {
        try
        {
            return connection.invoke(SxsManagement.TASKS, operation, params, signature);
        }
        catch (final javax.management.RuntimeMBeanException ex)
        {
            return new dev.sxs.lang.ErrorValue(String.valueOf(ex.getCause().getMessage())).print();
        }
        catch (final Exception ex)
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, operation + " failed in " + target + ": " + message(ex),
                ex);
        }
    }

    /**
     * @param attribute an attribute name of the runtime MBean.
     * @return its value.
     */
    public Object attribute(final String attribute)
    {
        return attribute(name, attribute);
    }

    /**
     * @param mbean     an sxs MBean ({@code SxsManagement.JOURNAL}, a channel, the store ...).
     * @param attribute an attribute name of it.
     * @return its value.
     * @throws CliException when it cannot be read (exit 3).
     */
    public Object attribute(final ObjectName mbean, final String attribute)
    {
        try
        {
            return connection.getAttribute(mbean, attribute);
        }
        catch (final Exception ex)
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, "cannot read " + attribute + " of sxs in " + target + ": "
                + message(ex), ex);
        }
    }

    /**
     * Unload sxs from the target.
     *
     * @return what the runtime answered.
     */
    public String stop()
    {
        return String.valueOf(invoke("stop", new Object[] {"stop"}, new String[] {String.class.getName()}));
    }

    /**
     * Invoke an operation of the runtime MBean.
     *
     * @param operation the operation.
     * @param params    its arguments.
     * @param signature their types.
     * @return the result.
     */
    public Object invoke(final String operation, final Object[] params, final String[] signature)
    {
        return invoke(name, operation, params, signature);
    }

    /**
     * Invoke an operation of an sxs MBean.
     *
     * @param mbean     the MBean.
     * @param operation the operation.
     * @param params    its arguments.
     * @param signature their types.
     * @return the result.
     * @throws CliException when the call fails (exit 3), with sxs's message.
     */
    public Object invoke(final ObjectName mbean, final String operation, final Object[] params,
        final String[] signature)
    {
        try
        {
            return connection.invoke(mbean, operation, params, signature);
        }
        catch (final InstanceNotFoundException ex)
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, "sxs was unloaded from " + target, ex);
        }
        catch (final Exception ex)
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, operation + " failed in " + target + ": " + message(ex),
                ex);
        }
    }

    private static String message(final Throwable ex)
    {
        return Messages.of(ex);
    }

    @Override
    public void close()
    {
        try
        {
            connector.close();
        }
        catch (final IOException ignored)
        {
            // nothing more to release
        }
    }
}
