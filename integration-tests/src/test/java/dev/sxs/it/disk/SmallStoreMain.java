package dev.sxs.it.disk;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;

/**
 * Child of {@link SmallDiskIT}: opens the store in the data folder (first argument) sized for the entries given
 * second, writes one key, closes it and prints {@code opened recovered=B}, or prints {@code failed <message>}.
 */
public final class SmallStoreMain
{
    private SmallStoreMain()
    {
    }

    /**
     * @param args data folder, entries.
     */
    public static void main(final String[] args)
    {
        System.setProperty("chronicle.analytics.disable", "true");
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (ChronicleKvStore store = ChronicleKvStore.open(
            KvOptions.inMemory(Long.parseLong(args[1])).withFolder(Path.of(args[0]))))
        {
            store.put("k", "1");
            out.println("opened recovered=" + store.recovered());
        }
        catch (final Throwable failure)
        {
            out.println("failed " + failure.getMessage());
        }
    }
}
