package dev.sxs.nats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;

/**
 * A real NATS cluster for one test class ({@code @RegisterExtension static final ClusterExtension NATS}):
 * started before its first test in a fresh temporary folder, stopped and its folder deleted after its last; and
 * the runtimes of the class on it ({@link #runtime}, {@link #config}): two on one bucket are two JVMs' worth of
 * sxs, each with its own connections, sharing one store ({@link Scripts} runs their scripts).
 * Threading: JUnit's. Failure: a cluster that cannot start fails the class (never skips it).
 */
final class ClusterExtension implements BeforeAllCallback, AfterAllCallback
{
    private final int nodes;
    private Path dir;
    private NatsCluster cluster;

    /** @param nodes nodes of the cluster, 1 or 3. */
    ClusterExtension(final int nodes)
    {
        this.nodes = nodes;
    }

    @Override
    public void beforeAll(final ExtensionContext context) throws Exception
    {
        dir = Files.createTempDirectory("sxs-nats-test");
        cluster = NatsCluster.start(nodes, dir);
    }

    @Override
    public void afterAll(final ExtensionContext context) throws IOException
    {
        try
        {
            if (cluster != null)
            {
                cluster.close();
            }
        }
        finally
        {
            try (Stream<Path> files = Files.walk(dir))
            {
                for (final Path p : files.sorted(Comparator.reverseOrder()).toList())
                {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** @return the running cluster. */
    NatsCluster cluster()
    {
        return cluster;
    }

    /**
     * @param bucket   the bucket of the runtime's store.
     * @param settings more settings, as key and value in turn; they replace the ones here.
     * @return the configuration of a runtime on {@code backend=nats} on this cluster with its store and channels
     *     alone there: no event stream and no work queue unless the settings name one, and no local journal.
     */
    Config config(final String bucket, final String... settings)
    {
        final Map<String, String> config = new HashMap<>(Map.of("backend", "nats", "nats.servers",
            cluster.servers(), "nats.bucket", bucket, "nats.stream", "", "nats.queue", "", "journal.enabled", "false"));
        for (int i = 0; i < settings.length; i += 2)
        {
            config.put(settings[i], settings[i + 1]);
        }
        return Config.parse(config);
    }

    /**
     * @param bucket   the bucket of the runtime's store.
     * @param settings more settings, as key and value in turn ({@link #config}).
     * @return a started runtime on this cluster ({@code core/util/log} lines dropped); the test closes it.
     */
    SxsRuntime runtime(final String bucket, final String... settings)
    {
        return SxsRuntime.start(config(bucket, settings), LogSink.NONE);
    }
}
