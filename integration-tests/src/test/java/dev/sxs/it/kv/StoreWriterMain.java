package dev.sxs.it.kv;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.runtime.Config;

/**
 * Child process of {@link StoreKillRecoveryIT}: opens the store in the data folder given as first
 * argument, prints {@code ready PID}, then writes {@code w:<i>} = {@code i} and overwrites
 * {@code last} = {@code i}, printing {@code ack <i>} after each write returned, until it has written the
 * number of keys given as second argument; then it waits to be killed.
 */
public final class StoreWriterMain
{
    private StoreWriterMain()
    {
    }

    /**
     * @param args data folder, number of writes.
     * @throws InterruptedException never in practice: the process is killed while waiting.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        System.setProperty("chronicle.analytics.disable", "true");
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final long writes = Long.parseLong(args[1]);
        final ChronicleKvStore store = ChronicleKvStore.open(Config.parse(Map.of("data", args[0], "kv.entries",
            "200000")));
        out.println("ready " + ProcessHandle.current().pid() + " recovered=" + store.recovered());
        for (long i = 0; i < writes; i++)
        {
            store.put("w:" + i, Long.toString(i));
            store.put("last", Long.toString(i));
            out.println("ack " + i);
        }
        out.println("done");
        Thread.sleep(Long.MAX_VALUE);
    }
}
