package dev.sxs.bench.nats;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.Nats;
import io.nats.client.api.KeyValueEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * sxs on NATS ({@code backend=nats}) against the raw jnats client doing the same on the same server (one
 * {@code nats-server} with JetStream on 127.0.0.1, started for the trial), with the embedded backend next to
 * them, one thread:
 * <ul>
 *   <li>{@code natsGet} / {@code rawGet} / {@code embeddedGet}: read one existing key;</li>
 *   <li>{@code natsSet} / {@code rawSet} / {@code embeddedSet}: overwrite it;</li>
 *   <li>{@code natsCas} / {@code rawCas} / {@code embeddedCas}: compare-and-set a counter to its next value
 *   (raw: get, then update at the revision read);</li>
 *   <li>{@code natsPublishToHandler} / {@code rawPublishToHandler} / {@code embeddedPublishToHandler}: one event
 *   from a publish in one runtime (connection) to a handler in another, waited for by the publisher; embedded:
 *   publish to a handler of the same runtime.</li>
 * </ul>
 * Both sides read from the stream leader (the bucket has direct gets off, as sxs makes it).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NatsBenchmark
{
    private static final String KEY = "bench";

    /** The server, two sxs runtimes on it, two raw connections, and an embedded runtime. */
    @State(Scope.Benchmark)
    public static class Setups
    {
        NatsServer server;
        SxsRuntime sender;
        SxsRuntime receiver;
        SxsRuntime embedded;
        KvStore nats;
        KvStore local;
        Connection rawSender;
        Connection rawReceiver;
        KeyValue raw;
        final AtomicLong handled = new AtomicLong();
        final AtomicLong rawHandled = new AtomicLong();
        final AtomicLong localHandled = new AtomicLong();
        long counter;
        long rawCounter;
        long localCounter;
        /** {@code events.idle} of the two sxs runtimes on NATS: {@code backoff} (the default) or {@code blocking}. */
        @Param({"backoff"})
        public String idle;

        /**
         * @throws Exception when the server or a connection does not start.
         */
        @Setup
        public void start() throws Exception
        {
            server = NatsServer.start();
            final Map<String, String> settings = Map.of("backend", "nats", "nats.servers", server.url(),
                "journal.enabled", "false", "nats.stream", "", "events.idle", idle);
            sender = SxsRuntime.start(Config.parse(settings), LogSink.NONE);
            receiver = SxsRuntime.start(Config.parse(settings), LogSink.NONE);
            embedded = SxsRuntime.start(Config.parse(Map.of("journal.enabled", "false")), LogSink.NONE);
            nats = sender.store();
            local = embedded.store();
            receiver.dispatcher().subscribe(Channel.A, 1, event -> handled.incrementAndGet(), 1);
            embedded.dispatcher().subscribe(Channel.A, 1, event -> localHandled.incrementAndGet(), 1);
            rawSender = Nats.connect(server.url());
            rawReceiver = Nats.connect(server.url());
            rawReceiver.createDispatcher(message -> rawHandled.incrementAndGet()).subscribe("raw.1");
            rawReceiver.flush(Duration.ofSeconds(5));
            raw = rawSender.keyValue("sxs");
            nats.put(KEY, "1");
            local.put(KEY, "1");
            nats.put("counter", "0");
            raw.put("rawCounter", "0".getBytes(StandardCharsets.UTF_8));
            local.put("counter", "0");
        }

        /**
         * @throws Exception when closing fails.
         */
        @TearDown
        public void stop() throws Exception
        {
            rawSender.close();
            rawReceiver.close();
            sender.close();
            receiver.close();
            embedded.close();
            server.close();
        }
    }

    /**
     * @param s the setup.
     * @return the value.
     */
    @Benchmark
    public String natsGet(final Setups s)
    {
        return s.nats.get(KEY);
    }

    /**
     * @param s the setup.
     * @return the entry.
     * @throws Exception on a client failure.
     */
    @Benchmark
    public KeyValueEntry rawGet(final Setups s) throws Exception
    {
        return s.raw.get(KEY);
    }

    /**
     * @param s the setup.
     * @return the value.
     */
    @Benchmark
    public String embeddedGet(final Setups s)
    {
        return s.local.get(KEY);
    }

    /**
     * @param s the setup.
     */
    @Benchmark
    public void natsSet(final Setups s)
    {
        s.nats.put(KEY, "2");
    }

    /**
     * @param s the setup.
     * @return the revision.
     * @throws Exception on a client failure.
     */
    @Benchmark
    public long rawSet(final Setups s) throws Exception
    {
        return s.raw.put(KEY, "2".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param s the setup.
     */
    @Benchmark
    public void embeddedSet(final Setups s)
    {
        s.local.put(KEY, "2");
    }

    /**
     * @param s the setup.
     * @return whether it was set.
     */
    @Benchmark
    public boolean natsCas(final Setups s)
    {
        final boolean ok = s.nats.replace("counter", Long.toString(s.counter), Long.toString(s.counter + 1));
        s.counter++;
        return ok;
    }

    /**
     * @param s the setup.
     * @return the revision.
     * @throws Exception on a client failure.
     */
    @Benchmark
    public long rawCas(final Setups s) throws Exception
    {
        final KeyValueEntry entry = s.raw.get("rawCounter");
        s.rawCounter++;
        return s.raw.update("rawCounter", Long.toString(s.rawCounter).getBytes(StandardCharsets.UTF_8),
            entry.getRevision());
    }

    /**
     * @param s the setup.
     * @return whether it was set.
     */
    @Benchmark
    public boolean embeddedCas(final Setups s)
    {
        final boolean ok = s.local.replace("counter", Long.toString(s.localCounter),
            Long.toString(s.localCounter + 1));
        s.localCounter++;
        return ok;
    }

    /**
     * @param s the setup.
     * @return the handled count.
     */
    @Benchmark
    public long natsPublishToHandler(final Setups s)
    {
        final long before = s.handled.get();
        final Dispatcher dispatcher = s.sender.dispatcher();
        dispatcher.publish(Channel.A, 1, IntValue.of(1), "");
        while (s.handled.get() == before)
        {
            Thread.onSpinWait();
        }
        return s.handled.get();
    }

    /**
     * @param s the setup.
     * @return the handled count.
     */
    @Benchmark
    public long rawPublishToHandler(final Setups s)
    {
        final long before = s.rawHandled.get();
        s.rawSender.publish("raw.1", "1".getBytes(StandardCharsets.UTF_8));
        while (s.rawHandled.get() == before)
        {
            Thread.onSpinWait();
        }
        return s.rawHandled.get();
    }

    /**
     * @param s the setup.
     * @return the handled count.
     */
    @Benchmark
    public long embeddedPublishToHandler(final Setups s)
    {
        final long before = s.localHandled.get();
        s.embedded.dispatcher().publish(Channel.A, 1, IntValue.of(1), "");
        while (s.localHandled.get() == before)
        {
            Thread.onSpinWait();
        }
        return s.localHandled.get();
    }
}
