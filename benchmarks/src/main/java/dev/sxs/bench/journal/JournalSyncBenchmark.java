package dev.sxs.bench.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.sxs.events.Event;
import dev.sxs.journal.ChronicleJournal;
import dev.sxs.journal.JournalSync;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * What {@code journal.sync} costs an append: the same event as {@link JournalBenchmark#appendJournal}, with the
 * journal forcing nothing ({@code none}) or forcing its file before each append returns ({@code every}). Sample
 * time, ns. The journal folder is made under {@code -Dsxs.bench.dir} (default {@code java.io.tmpdir}): put it
 * on the device whose flush you want to measure (a tmpfs makes the force free). Run through
 * {@code benchmarks.jar}: {@code java -jar benchmarks/target/benchmarks.jar JournalSyncBenchmark}; figures in
 * {@code docs/benchmarks.md}, section "Journal sync".
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@State(Scope.Benchmark)
public class JournalSyncBenchmark
{
    /** The {@code journal.sync} mode, lower case. */
    @Param({"none", "every"})
    public String sync;

    private Path dir;
    private ChronicleJournal journal;
    private Event event;

    static
    {
        System.setProperty("chronicle.analytics.disable", "true");
    }

    /**
     * @throws IOException when the folder cannot be made.
     */
    @Setup(Level.Trial)
    public void open() throws IOException
    {
        dir = Files.createTempDirectory(Path.of(System.getProperty("sxs.bench.dir",
            System.getProperty("java.io.tmpdir"))), "sxs-journal-sync-bench");
        journal = ChronicleJournal.builder(dir).sync(JournalSync.valueOf(sync.toUpperCase(java.util.Locale.ROOT)))
            .open();
        event = JournalBenchmark.sampleEvent(1);
    }

    /**
     * @throws IOException when the folder cannot be deleted.
     */
    @TearDown(Level.Trial)
    public void close() throws IOException
    {
        journal.close();
        JournalBenchmark.deleteTree(dir);
    }

    /**
     * @return the record's index.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long append()
    {
        return journal.append(event);
    }
}
