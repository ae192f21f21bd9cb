package dev.sxs.nats;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * A real NATS cluster for tests: {@code nodes} {@code nats-server} processes with JetStream on 127.0.0.1, on free
 * ports, each with its own store folder under a folder of the test's, routed to each other. {@link #start} returns
 * once JetStream answers (a meta leader is elected). A missing {@code nats-server} fails the test with the command
 * that installs it ({@link #INSTALL}); the build runs {@code src/test/sh/ensure-nats-server.sh} first, which installs
 * it when it can. Closing kills every node and deletes the store folders.
 */
public final class NatsCluster implements AutoCloseable
{
    /** The command that installs the server on Debian-like machines. */
    public static final String INSTALL = "sudo apt-get install -y nats-server";
    private static final long READY_SECONDS = 60;

    private final Path dir;
    private final Path server;
    private final int[] clientPorts;
    private final int[] routePorts;
    private final Process[] nodes;

    private NatsCluster(final Path dir, final Path server, final int size) throws IOException
    {
        this.dir = dir;
        this.server = server;
        this.clientPorts = new int[size];
        this.routePorts = new int[size];
        this.nodes = new Process[size];
        for (int i = 0; i < size; i++)
        {
            clientPorts[i] = freePort();
            routePorts[i] = freePort();
        }
    }

    /**
     * @return the {@code nats-server} executable.
     * @throws IllegalStateException when it is not installed, naming {@link #INSTALL}.
     */
    public static Path requireServer()
    {
        final List<Path> candidates = new ArrayList<>();
        for (final String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        {
            if (!folder.isEmpty())
            {
                candidates.add(Path.of(folder, "nats-server"));
            }
        }
        candidates.add(Path.of("/usr/sbin/nats-server"));
        candidates.add(Path.of("/usr/bin/nats-server"));
        candidates.add(Path.of("/usr/local/bin/nats-server"));
        for (final Path candidate : candidates)
        {
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        throw new IllegalStateException("nats-server is not installed, and the NATS tests need it; install it with: "
            + INSTALL + " (Debian's package, 2.9 with JetStream; ./mvnw verify does this itself when run as root)");
    }

    /**
     * @param nodes how many servers.
     * @param dir   a folder of the test's, for configurations, stores and logs.
     * @return the running cluster, JetStream ready.
     * @throws Exception when it does not come up in time (the message holds the nodes' logs).
     */
    public static NatsCluster start(final int nodes, final Path dir) throws Exception
    {
        final NatsCluster cluster = new NatsCluster(dir, requireServer(), nodes);
        try
        {
            for (int i = 0; i < nodes; i++)
            {
                cluster.startNode(i);
            }
            cluster.awaitJetStream();
            return cluster;
        }
        catch (final Exception | Error ex)
        {
            cluster.close();
            throw ex;
        }
    }

    /** @return every node's client URL, joined by {@code ;} (the {@code nats.servers} setting). */
    public String servers()
    {
        final List<String> urls = new ArrayList<>();
        for (final int port : clientPorts)
        {
            urls.add("nats://127.0.0.1:" + port);
        }
        return String.join(";", urls);
    }

    /**
     * Start node {@code i} (again, after {@link #kill}), with its old store.
     *
     * @param i the node's index.
     * @throws IOException when it cannot be started.
     */
    public void startNode(final int i) throws IOException
    {
        final Path home = Files.createDirectories(dir.resolve("n" + i));
        final StringBuilder routes = new StringBuilder();
        for (int j = 0; j < routePorts.length; j++)
        {
            routes.append(j == 0 ? "" : ", ").append("\"nats-route://127.0.0.1:").append(routePorts[j]).append('"');
        }
        final String conf = "server_name: n" + i + "\n"
            + "listen: \"127.0.0.1:" + clientPorts[i] + "\"\n"
            + "jetstream { store_dir: \"" + home.resolve("store") + "\", max_memory_store: 64MB,"
            + " max_file_store: 1GB }\n"
            // a single node is a plain server: a cluster of one waits for routes for ever
            + (routePorts.length == 1 ? "" : "cluster { name: sxs-test, listen: \"127.0.0.1:" + routePorts[i]
                + "\", routes: [" + routes + "] }\n");
        final Path file = home.resolve("nats.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        nodes[i] = new ProcessBuilder(server.toString(), "-c", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()))
            .start();
    }

    /**
     * Kill node {@code i} with SIGKILL and wait until it is gone.
     *
     * @param i the node's index.
     */
    public void kill(final int i)
    {
        final Process node = nodes[i];
        if (node != null)
        {
            node.destroyForcibly();
            try
            {
                node.waitFor(30, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt(); // kill is called from close, which should not throw it
            }
        }
    }

    /**
     * Wait until JetStream answers through every node.
     *
     * @throws Exception when it does not within {@value #READY_SECONDS} s.
     */
    public void awaitJetStream() throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        Exception last = null;
        while (System.nanoTime() < deadline)
        {
            Connection connection = null;
            try
            {
                connection = Nats.connect(new Options.Builder().servers(servers().split(";"))
                    .connectionTimeout(Duration.ofSeconds(2)).errorListener(new io.nats.client.ErrorListener()
                    {
                        // a node not up yet is expected here; the loop retries
                    }).build());
                connection.jetStreamManagement().getAccountStatistics();
                return;
            }
            catch (final IOException | io.nats.client.JetStreamApiException ex)
            {
                last = ex;
                TimeUnit.MILLISECONDS.sleep(200); // polling an outside process, not synchronising threads of ours
            }
            finally
            {
                if (connection != null)
                {
                    connection.close();
                }
            }
        }
        throw new IllegalStateException("JetStream not ready after " + READY_SECONDS + " s: " + last + "\n" + logs(),
            last);
    }

    /** @return the nodes' logs, for failure messages. */
    public String logs()
    {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.length; i++)
        {
            try
            {
                out.append("--- n").append(i).append('\n')
                    .append(Files.readString(dir.resolve("n" + i).resolve("server.log")));
            }
            catch (final IOException ex)
            {
                out.append("(no log of n").append(i).append(")\n");
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException
    {
        for (int i = 0; i < nodes.length; i++)
        {
            kill(i);
        }
        for (int i = 0; i < nodes.length; i++)
        {
            final Path store = dir.resolve("n" + i).resolve("store");
            if (Files.exists(store))
            {
                try (Stream<Path> files = Files.walk(store))
                {
                    for (final Path p : files.sorted(Comparator.reverseOrder()).toList())
                    {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }
}
