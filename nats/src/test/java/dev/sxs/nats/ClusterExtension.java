package dev.sxs.nats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real NATS cluster for one test class ({@code @RegisterExtension static final ClusterExtension NATS}):
 * started before its first test in a fresh temporary folder, stopped and its folder deleted after its last.
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
}
