package dev.sxs.bench.nats;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One {@code nats-server} with JetStream on 127.0.0.1 for a benchmark trial: a free port, a temporary store
 * folder deleted at {@link #close()}. Needs {@code nats-server} on the PATH (Debian: {@code apt-get install -y
 * nats-server}).
 */
final class NatsServer implements AutoCloseable
{
    private final Process process;
    private final Path dir;
    private final int port;

    private NatsServer(final Process process, final Path dir, final int port)
    {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    static NatsServer start() throws IOException, InterruptedException
    {
        final Path dir = Files.createTempDirectory("sxs-bench-nats");
        final int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            port = socket.getLocalPort();
        }
        final Process process = new ProcessBuilder("nats-server", "-a", "127.0.0.1", "-p", Integer.toString(port),
            "-js", "-sd", dir.toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        final NatsServer server = new NatsServer(process, dir, port);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline)
        {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port))
            {
                if (probe.isConnected())
                {
                    return server;
                }
            }
            catch (final IOException notYet)
            {
                TimeUnit.MILLISECONDS.sleep(50); // polling an outside process
            }
        }
        server.close();
        throw new IOException("nats-server did not listen on " + port);
    }

    String url()
    {
        return "nats://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException
    {
        process.destroyForcibly();
        try
        {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path p : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
    }
}
