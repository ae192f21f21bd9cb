package dev.sxs.it.kv;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;

/**
 * Child process of {@link RecoveryKillIT}: opens the store in the data folder (first argument) sized for the
 * number of entries given second, and prints {@code ready PID recovered=B openMillis=MS}. It then checks
 * that {@code w:0} to {@code w:<expected>} (third argument, -1 for none) hold their index and prints
 * {@code verified N} or {@code lost K ...}, then writes {@code w:<i>} = {@code i} from the fourth argument on,
 * printing {@code ack <i>} after each write returned, until it is killed.
 */
public final class RecoveryWriterMain
{
    private static final int LOST_SHOWN = 10;

    private RecoveryWriterMain()
    {
    }

    /**
     * @param args data folder, store entries, last key to verify, first key to write.
     * @throws InterruptedException never in practice: the process is killed while waiting.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        System.setProperty("chronicle.analytics.disable", "true");
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final long expected = Long.parseLong(args[2]);
        final long from = Long.parseLong(args[3]);
        final long start = System.nanoTime();
        final ChronicleKvStore store = ChronicleKvStore.open(
            KvOptions.inMemory(Long.parseLong(args[1])).withFolder(Path.of(args[0])));
        out.println("ready " + ProcessHandle.current().pid() + " recovered=" + store.recovered() + " openMillis="
            + (System.nanoTime() - start) / 1_000_000);
        final StringBuilder lost = new StringBuilder();
        int lostCount = 0;
        for (long i = 0; i <= expected; i++)
        {
            if (!Long.toString(i).equals(store.get("w:" + i)))
            {
                lostCount++;
                if (lostCount <= LOST_SHOWN)
                {
                    lost.append(" w:").append(i);
                }
            }
        }
        out.println(lostCount == 0 ? "verified " + (expected + 1) : "lost " + lostCount + lost);
        for (long i = from; i < Long.MAX_VALUE; i++)
        {
            store.put("w:" + i, Long.toString(i));
            out.println("ack " + i);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
