package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.sxs.nats.Scripts.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.lang.LogSink;
import dev.sxs.runtime.BackendOptions;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import io.nats.client.api.ConsumerInfo;

/**
 * The execution channel as a JetStream work queue: scripts queued in three runtimes run once each in the cluster,
 * and a script whose runner died before acknowledging it is run again by another after the acknowledgement wait.
 */
class NatsWorkQueueTest
{
    @RegisterExtension
    static final ClusterExtension NATS = new ClusterExtension(1);

    private static Config config(final String queue)
    {
        return NATS.config(queue, "nats.queue", queue, "nats.queueAckWaitMillis", "1000");
    }

    @Test
    void shouldRunEveryQueuedScriptExactlyOnceAcrossThreeRuntimes() throws Exception
    {
        final int each = 20;
        final List<SxsRuntime> runtimes = new ArrayList<>();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                runtimes.add(SxsRuntime.start(config("queued"), LogSink.STDERR));
            }
            final List<CompletableFuture<String>> queued = new ArrayList<>();
            for (final SxsRuntime sxs : runtimes)
            {
                queued.add(CompletableFuture.supplyAsync(
                    () -> eval(sxs, "(core/exec/queue \"(core/kv/incr ran)\") ".repeat(each))));
            }
            for (final CompletableFuture<String> answer : queued)
            {
                assertTrue(answer.get(60, TimeUnit.SECONDS).matches("\\d+( \\d+){" + (each - 1) + "}"), answer.get());
            }
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            try (NatsConnector connector = NatsConnector.connect(config("queued").backend(),
                SxsThreadFactory.create()))
            {
                ConsumerInfo consumer = consumer(connector);
                while ((consumer.getNumPending() > 0 || consumer.getNumAckPending() > 0)
                    && System.nanoTime() < deadline)
                {
                    TimeUnit.MILLISECONDS.sleep(20); // the cluster's state is polled: no event tells us
                    consumer = consumer(connector);
                }
                assertEquals(0, consumer.getNumPending(), "every script was taken");
                assertEquals(0, consumer.getNumAckPending(), "every script was acknowledged");
                assertEquals(0, connector.connection().jetStreamManagement().getStreamInfo("queued")
                    .getStreamState().getMsgCount(), "the work queue dropped every acknowledged script");
            }
            assertEquals(Integer.toString(3 * each), eval(runtimes.get(0), "(core/kv/get ran)"));
        }
        finally
        {
            runtimes.forEach(SxsRuntime::close);
        }
    }

    private static ConsumerInfo consumer(final NatsConnector connector) throws Exception
    {
        return connector.connection().jetStreamManagement().getConsumerInfo("queued", NatsWorkQueue.CONSUMER);
    }

    @Test
    void shouldRunAScriptAgainWhenItsRunnerDiedBeforeAcknowledgingIt() throws Exception
    {
        final BackendOptions options = config("redelivered").backend();
        final SxsThreadFactory threads = SxsThreadFactory.create();
        final CountDownLatch taken = new CountDownLatch(1);
        final CountDownLatch ranAgain = new CountDownLatch(1);
        final AtomicInteger runs = new AtomicInteger();
        final NatsConnector dying = NatsConnector.connect(options, threads);
        final NatsWorkQueue first = NatsWorkQueue.open(dying.connection(), options, threads);
        first.start((source, scope, entity) ->
        {
            runs.incrementAndGet();
            taken.countDown();
            return new CompletableFuture<>(); // the JVM dies mid-script: never ends, never acknowledged
        });
        assertTrue(first.enqueue("(core/kv/incr x)", "t1:", "root") > 0);
        assertTrue(taken.await(30, TimeUnit.SECONDS), "the first runner took the script");
        dying.close(); // like kill -9: the connection is gone, no acknowledgement was sent
        try (NatsConnector survivor = NatsConnector.connect(options, threads))
        {
            final NatsWorkQueue second = NatsWorkQueue.open(survivor.connection(), options, threads);
            second.start((source, scope, entity) ->
            {
                assertEquals("(core/kv/incr x)", source);
                assertEquals("t1:", scope);
                assertEquals("root", entity);
                runs.incrementAndGet();
                ranAgain.countDown();
                return CompletableFuture.completedFuture(null);
            });
            assertTrue(ranAgain.await(30, TimeUnit.SECONDS), "another runner ran it after the ack wait");
            second.close();
        }
        assertEquals(2, runs.get(), "at least once: the script ran in the dead runner and again");
    }

    @Test
    void shouldRefuseToQueueWithoutAClusterQueue() throws Exception
    {
        try (SxsRuntime sxs = SxsRuntime.start(config("none").with(Map.of("nats.queue", "")), LogSink.STDERR))
        {
            assertEquals("@\"core/exec/queue: no cluster work queue (backend=nats with nats.queue set)\"",
                eval(sxs, "(core/exec/queue \"(core/kv/incr ran)\")"));
        }
    }
}
