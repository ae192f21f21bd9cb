package dev.sxs.nats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the runtime's language tests on {@code backend=nats}: registered through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} and active only where JUnit's extension
 * auto-detection is on (the surefire execution {@code language-on-nats} of this module, which scans the runtime's
 * test jar). Before the first test class it starts one single-node JetStream server for the whole run and sets the
 * {@code sxs.test.setting.*} properties the runtime's fixtures read ({@code BackendUnderTest}): {@code backend=nats}
 * on that server, a fresh bucket per runtime, no event stream and no work queue (the embedded backend has neither;
 * the channels still go through NATS), and a 60 s time budget where a test sets none (store calls are round trips
 * here, so the 5 s default would stop the step-budget cases first). The server stops and its folder is deleted
 * when the run ends.
 * Threading: JUnit's. Failure: a server that cannot start fails every class (never skips it).
 */
public final class LanguageOnNats implements BeforeAllCallback
{
    private static final String SETTING = "sxs.test.setting.";

    /** For JUnit's service loader. */
    public LanguageOnNats()
    {
        // stateless: the server lives in the root context's store
    }

    @Override
    public void beforeAll(final ExtensionContext context)
    {
        context.getRoot().getStore(ExtensionContext.Namespace.create(LanguageOnNats.class))
            .getOrComputeIfAbsent(Server.class, key -> Server.start(), Server.class);
    }

    /** The server of the run; closed by JUnit with the root context. */
    private record Server(Path dir, NatsCluster cluster) implements AutoCloseable
    {
        static Server start()
        {
            try
            {
                final Path dir = Files.createTempDirectory("sxs-nats-lang");
                final NatsCluster cluster = NatsCluster.start(1, dir);
                System.setProperty(SETTING + "backend", "nats");
                System.setProperty(SETTING + "nats.servers", cluster.servers());
                System.setProperty(SETTING + "nats.bucket", "lang-{fresh}");
                System.setProperty(SETTING + "nats.stream", "");
                System.setProperty(SETTING + "nats.queue", "");
                // a store call is a network round trip here: the step-budget cases would meet the 5 s default first
                System.setProperty("sxs.test.default.budget.millis", "60000");
                return new Server(dir, cluster);
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException("cannot start nats-server for the language tests: " + ex.getMessage(),
                    ex);
            }
        }

        @Override
        public void close() throws IOException
        {
            try
            {
                cluster.close();
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
    }
}
