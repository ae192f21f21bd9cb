package dev.sxs.it.kv;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;

/**
 * Child process of {@link InsertKillIT}: opens the store in the data folder given as first argument (sized by
 * {@link #sizing}, so that the keys it writes overflow into chained tiers), prints {@code ready}, then runs the
 * number of writer threads given as second argument until it is killed. Thread {@code t} of run {@code r} (the
 * third argument) inserts {@code t<t>:<r>:<i>} with a value of 1 to 8 bytes for i = 0, 1, 2 ..., grows every third
 * value to 20-79 bytes (which moves it to other chunks, possibly another tier) and removes the key 15,000 places
 * back, so most of the time some thread is inside an insert. Every 20,000 operations of all threads it prints
 * {@code ops <n>}.
 */
public final class InsertWriterMain
{
    private static final int LIVE_KEYS_PER_THREAD = 15_000;
    private static final long OPS_PER_LINE = 20_000;

    private InsertWriterMain()
    {
    }

    /**
     * @param args data folder, number of writer threads, run number.
     * @throws InterruptedException never in practice: the process is killed while its daemon writers run.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        System.setProperty("chronicle.analytics.disable", "true");
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final ChronicleKvStore store = ChronicleKvStore.open(sizing(Path.of(args[0])));
        final int threads = Integer.parseInt(args[1]);
        final AtomicLong ops = new AtomicLong();
        final SxsThreadFactory factory = SxsThreadFactory.create();
        for (int t = 0; t < threads; t++)
        {
            final String prefix = "t" + t + ":" + args[2] + ":";
            factory.newThread(() ->
            {
                for (long i = 0; ; i++)
                {
                    final String key = prefix + i;
                    store.put(key, "v".repeat(1 + (int)(i & 7)));
                    if (i % 3 == 0)
                    {
                        store.put(key, "w".repeat(20 + (int)(i * 7 % 60)));
                    }
                    if (i >= LIVE_KEYS_PER_THREAD)
                    {
                        store.remove(prefix + (i - LIVE_KEYS_PER_THREAD));
                    }
                    if (ops.incrementAndGet() % OPS_PER_LINE == 0)
                    {
                        out.println("ops " + ops.get());
                    }
                }
            }, "sxs-it-writer-" + t).start();
        }
        out.println("ready");
        new CountDownLatch(1).await();
    }

    /**
     * @param dir the data folder.
     * @return the sizing both processes use: 20,000 entries, fewer than three writers keep, so tiers chain.
     */
    static KvOptions sizing(final Path dir)
    {
        return new KvOptions(dir, 20_000, 16, 16);
    }
}
