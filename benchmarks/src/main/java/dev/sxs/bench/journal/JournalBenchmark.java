package dev.sxs.bench.journal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.journal.ChronicleJournal;
import dev.sxs.journal.JournalFormat;
import dev.sxs.journal.JournalReader;
import dev.sxs.journal.PrintSink;
import dev.sxs.journal.Replay;
import dev.sxs.journal.ReplayProgress;
import dev.sxs.journal.ReplayRequest;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.RealValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.runtime.ValuePayloadCodec;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The journal's costs against raw Chronicle Queue in the same run:
 * <ul>
 *   <li>{@code appendJournal} vs {@code appendRawQueue}: one event appended (sample time, ns; look at
 *       p0.50): the journal prints the payload to canonical form with the language's codec (as the runtime
 *       does) and takes its append lock, the raw baseline writes the same bytes with a pre-printed payload and a
 *       private appender.</li>
 *   <li>{@code replayToPrintSink} vs {@code readRawQueue}: events per second replaying
 *       {@link #REPLAY_EVENTS} records to the print sink on a null stream, against a bare tailer
 *       reading the same records.</li>
 * </ul>
 * Run through {@code benchmarks.jar} (which adds the JVM flags Chronicle needs to the fork):
 * {@code java -jar benchmarks/target/benchmarks.jar JournalBenchmark}; figures in {@code docs/benchmarks.md},
 * section "Journal and replay".
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JournalBenchmark
{
    /** Records replayed per replay invocation. */
    public static final int REPLAY_EVENTS = 1_000_000;

    static
    {
        System.setProperty("chronicle.analytics.disable", "true");
    }

    /** A typical business event: {@code (order 42 "EUR" 12.5 true)} on channel A, topic 7. */
    static Event sampleEvent(final long sequence)
    {
        return new Event(sequence, System.currentTimeMillis() * 1_000_000L, Channel.A, 7,
            new ListValue(ListKind.CALL, List.of(new SymValue("order"), IntValue.of(sequence), new StrValue("EUR"),
                new RealValue(12.5), SymValue.TRUE)), "shop/");
    }

    /** Append state: a journal and a raw queue in fresh folders. */
    @State(Scope.Benchmark)
    public static class AppendState
    {
        Path dir;
        ChronicleJournal journal;
        SingleChronicleQueue rawQueue;
        ExcerptAppender rawAppender;
        Event event;
        String printed;
        long sequence;

        @Setup(Level.Trial)
        public void open() throws IOException
        {
            dir = Files.createTempDirectory("sxs-journal-bench");
            journal = ChronicleJournal.builder(dir.resolve("journal")).payloadCodec(ValuePayloadCodec.INSTANCE)
                .open();
            rawQueue = SingleChronicleQueueBuilder.binary(dir.resolve("raw")).build();
            rawAppender = rawQueue.createAppender();
            event = sampleEvent(1);
            printed = event.payload().toString();
        }

        @TearDown(Level.Trial)
        public void close() throws IOException
        {
            journal.close();
            rawAppender.close();
            rawQueue.close();
            deleteTree(dir);
        }
    }

    /** Replay state: a journal of {@link #REPLAY_EVENTS} records written once. */
    @State(Scope.Benchmark)
    public static class ReplayState
    {
        Path dir;
        JournalReader reader;
        SingleChronicleQueue rawQueue;

        @Setup(Level.Trial)
        public void write() throws IOException
        {
            dir = Files.createTempDirectory("sxs-replay-bench");
            try (ChronicleJournal journal = ChronicleJournal.builder(dir).open())
            {
                for (int i = 0; i < REPLAY_EVENTS; i++)
                {
                    journal.append(sampleEvent(i));
                }
            }
            reader = JournalReader.open(dir);
            rawQueue = SingleChronicleQueueBuilder.binary(dir).readOnly(true).build();
        }

        @TearDown(Level.Trial)
        public void close() throws IOException
        {
            reader.close();
            rawQueue.close();
            deleteTree(dir);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long appendJournal(final AppendState s)
    {
        return s.journal.append(s.event);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long appendRawQueue(final AppendState s)
    {
        try (DocumentContext dc = s.rawAppender.writingDocument())
        {
            JournalFormat.write(s.event, s.printed, dc.wire().bytes());
        }
        return s.rawAppender.lastIndexAppended();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(REPLAY_EVENTS)
    public long replayToPrintSink(final ReplayState s)
    {
        final ReplayProgress progress = new Replay(s.reader, ReplayRequest.ALL)
            .run(new PrintSink(OutputStream.nullOutputStream()));
        if (progress.delivered() != REPLAY_EVENTS)
        {
            throw new IllegalStateException("replay incomplete: " + progress);
        }
        return progress.delivered();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(REPLAY_EVENTS)
    public void readRawQueue(final ReplayState s, final Blackhole hole)
    {
        final StringBuilder text = new StringBuilder();
        try (ExcerptTailer tailer = s.rawQueue.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    hole.consume(bytes.readUnsignedByte() + bytes.readUnsignedByte() + bytes.readUnsignedShort());
                    hole.consume(bytes.readLong() + bytes.readLong());
                    text.setLength(0);
                    bytes.readUtf8(text);
                    hole.consume(text.length());
                    text.setLength(0);
                    bytes.readUtf8(text);
                    hole.consume(text.length());
                }
            }
        }
    }

    static void deleteTree(final Path dir) throws IOException
    {
        if (dir == null || !Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path p : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
    }
}
