package dev.sxs.it.jmx;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A forked {@link JmxHostMain} JVM with {@code -javaagent:agent/target/sxs-agent.jar=ARGS} and no sxs
 * flag or class of its own. Closing it closes its stdin and kills it if it lingers.
 */
final class AgentHost implements AutoCloseable
{
    /** How long sxs may take to come up in the host, s. */
    static final long DEFAULT_START_SECONDS = 90;

    private final Process process;
    private final Path stderr;
    private final BufferedReader stdout;

    private AgentHost(final Process process, final Path stderr)
    {
        this.process = process;
        this.stderr = stderr;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static AgentHost start(final Path dir, final String agentArgs) throws Exception
    {
        final String agentJar = System.getProperty("sxs.it.agentJar", "../agent/target/sxs-agent.jar");
        if (!Files.exists(Path.of(agentJar)))
        {
            throw new IllegalStateException("agent jar missing: " + agentJar + " (build the agent module first)");
        }
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-javaagent:" + Path.of(agentJar).toAbsolutePath() + "=" + agentArgs);
        command.add("-cp");
        try
        {
            command.add(Path.of(JmxHostMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        }
        catch (final java.net.URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
        command.add(JmxHostMain.class.getName());
        final Path err = dir.resolve("host.err");
        final Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile()).start();
        final AgentHost host = new AgentHost(process, err);
        final String ready = host.stdout.readLine();
        if (!"host ready".equals(ready))
        {
            host.close();
            throw new IllegalStateException("host did not start: " + ready + "\n" + host.stderr());
        }
        return host;
    }

    /**
     * @return true when the host still answers on stdin/stdout.
     * @throws IOException when the pipe fails.
     */
    boolean alive() throws IOException
    {
        final OutputStream in = process.getOutputStream();
        in.write("ping\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        return "host alive".equals(stdout.readLine());
    }

    /**
     * Connect to the host's remote connector, retrying while sxs starts in the background.
     */
    JMXConnector connect(final int port, final String user, final String password) throws Exception
    {
        final JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEFAULT_START_SECONDS);
        while (true)
        {
            try
            {
                return JMXConnectorFactory.connect(url,
                    Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
            }
            catch (final IOException ex)
            {
                if (System.nanoTime() > deadline || !process.isAlive())
                {
                    throw new IllegalStateException("no JMX connector on port " + port + ": " + ex + "\n" + stderr(),
                        ex);
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * Wait until the host's stderr holds a text.
     */
    String awaitStderr(final String text) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEFAULT_START_SECONDS);
        while (!stderr().contains(text))
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("'" + text + "' never appeared on the host's stderr:\n" + stderr());
            }
            Thread.sleep(100);
        }
        return stderr();
    }

    String stderr()
    {
        try
        {
            return Files.readString(stderr);
        }
        catch (final IOException ex)
        {
            return "(unreadable: " + ex + ")";
        }
    }

    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    /**
     * Kill the host at once ({@code kill -9}): no shutdown hook runs, nothing is drained or closed.
     *
     * @throws InterruptedException when interrupted while waiting for it to end.
     */
    void kill() throws InterruptedException
    {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException
    {
        process.getOutputStream().close();
        try
        {
            if (!process.waitFor(30, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt(); // AutoCloseable.close should not throw it
        }
    }
}
