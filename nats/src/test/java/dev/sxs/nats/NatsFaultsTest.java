package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sxs.lang.LogSink;
import dev.sxs.lang.Printer;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;

/** Every server down: store commands answer with a clear error value, and work again once a server is back. */
class NatsFaultsTest
{
    @TempDir
    Path dir;

    private static String eval(final SxsRuntime sxs, final String source)
    {
        return String.join(" ", sxs.eval(source, "").stream().map(Printer::print).toList());
    }

    @Test
    void shouldAnswerWithAClearErrorWhileEveryServerIsDownAndRecover() throws Exception
    {
        try (NatsCluster cluster = NatsCluster.start(1, dir);
             SxsRuntime sxs = SxsRuntime.start(Config.parse(Map.of("backend", "nats", "nats.servers",
                 cluster.servers(), "nats.timeoutMillis", "1000", "journal.enabled", "false")), LogSink.STDERR))
        {
            assertEquals("true", eval(sxs, "(core/kv/set k 1)"));
            cluster.kill(0);
            final long start = System.nanoTime();
            final String down = eval(sxs, "(core/kv/get k)");
            final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(down.startsWith("@\"core/kv/get: internal error: nats: get of 'k' failed: no answer from the "
                + "NATS cluster"), down);
            assertTrue(millis < 5000, "failed within about nats.timeoutMillis: " + millis + " ms");
            assertTrue(eval(sxs, "(core/kv/set k 2)").startsWith("@\"core/kv/set: internal error: nats: set of 'k'"));
            cluster.startNode(0);
            cluster.awaitJetStream();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String back = eval(sxs, "(core/kv/get k)");
            while (!back.equals("1") && System.nanoTime() < deadline)
            {
                TimeUnit.MILLISECONDS.sleep(100); // waiting for the client to reconnect, an outside event
                back = eval(sxs, "(core/kv/get k)");
            }
            assertEquals("1", back, "the acknowledged write survived the restart; the client reconnected");
            assertEquals("true 3", eval(sxs, "(core/kv/set k 3) (core/kv/get k)"));
        }
    }
}
