package dev.sxs.it.kv;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;

/**
 * Child process of {@link IndexReopenKillIT}: opens the store in the data folder given as first argument,
 * writes the number of keys given as second argument ({@code k:<i>}), prints {@code filled}, then adds
 * {@code churn:<i>} and removes {@code churn:<i - 50>} in a loop, printing {@code ack <i>} after each pair,
 * until it is killed (so the key index's pending log is busy when the kill comes).
 */
public final class ChurnWriterMain
{
    private ChurnWriterMain()
    {
    }

    /**
     * @param args data folder, number of keys.
     */
    public static void main(final String[] args)
    {
        System.setProperty("chronicle.analytics.disable", "true");
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final int keys = Integer.parseInt(args[1]);
        final ChronicleKvStore store = ChronicleKvStore.open(IndexReopenKillIT.options(Path.of(args[0])));
        for (int i = 0; i < keys; i++)
        {
            store.put("k:" + i, Integer.toString(i));
        }
        out.println("filled");
        for (long i = 0; ; i++)
        {
            store.put("churn:" + i, "1");
            if (i >= 50)
            {
                store.remove("churn:" + (i - 50));
            }
            out.println("ack " + i);
        }
    }

    /**
     * @param dir the data folder.
     * @return the sizing both processes use.
     */
    static KvOptions sizing(final Path dir)
    {
        return new KvOptions(dir, 150_000, 16, 8);
    }
}
