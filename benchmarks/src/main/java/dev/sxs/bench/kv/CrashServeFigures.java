package dev.sxs.bench.kv;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;
import dev.sxs.kv.StoreRecovery;

/**
 * Time from a {@code kill -9} to a served {@code get} and {@code put} (not JMH: each figure is one start after
 * one kill). A forked JVM opens a persisted store of N keys ({@code user:0001234:name}, filled by the first child
 * when the folder holds no store; sized {@code entries=1.1N, keyBytes=17, valueBytes=8}) and overwrites random
 * keys, either paced (one write, then a pause of {@code PAUSE_US} microseconds: a service between requests) or
 * flat out ({@code PAUSE_US} 0); this JVM kills it with SIGKILL after 2 s, then times
 * {@code ChronicleKvStore.open} until one {@code get} and one {@code put} were served (after a small in-memory
 * store was made first: the first Chronicle map of a JVM pays for generating its classes, crash or not), says how
 * {@code store.dat} was brought up ({@code ChronicleKvStore.recovery()}: opened in place, the dead writer between
 * changes; repaired in place, the segments it was changing; or replaced by a recovered copy), with {@code index}
 * in the fifth argument times the background rebuild of the index (the first {@code keys} returned), and closes
 * the store cleanly (a close stops a rebuild still running). With {@code inside} in the fifth argument the rounds
 * count only kills that fell inside a write (the store was repaired or recovered), up to five kills per round.
 * <p>
 * Usage: {@code java -cp benchmarks.jar dev.sxs.bench.kv.CrashServeFigures DIR KEYS ROUNDS PAUSE_US
 * [index|inside|index,inside]}, with the JVM flags of the parent pom's {@code sxs.jvm.flags} (the child gets this
 * JVM's flags). DIR is kept.
 */
public final class CrashServeFigures
{
    private static final long WRITE_MILLIS_BEFORE_KILL = 2_000;

    private CrashServeFigures()
    {
    }

    /**
     * @param args {@code DIR KEYS ROUNDS PAUSE_US [index]}, or {@code write DIR KEYS PAUSE_US} in the child.
     * @throws Exception when the store or the child fails.
     */
    public static void main(final String[] args) throws Exception
    {
        System.setProperty("chronicle.analytics.disable", "true");
        if ("write".equals(args[0]))
        {
            write(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
            return;
        }
        final Path dir = Path.of(args[0]);
        final int keys = Integer.parseInt(args[1].replace("_", ""));
        final int rounds = Integer.parseInt(args[2]);
        final KvOptions options = options(dir, keys);
        final String mode = args.length > 4 ? args[4] : "";
        final boolean waitForIndex = mode.contains("index");
        final int killsPerRound = mode.contains("inside") ? 5 : 1;
        final long warming = System.nanoTime();
        try (ChronicleKvStore warm = ChronicleKvStore.open(KvOptions.inMemory(1000)))
        {
            warm.put("warm", "1");
        }
        System.out.println(String.format(Locale.ROOT, "first Chronicle map of this JVM (in memory, 1,000 entries):"
            + " %.1f ms; load %s", millis(warming), Load.average()));
        int round = 0;
        for (int kill = 0; round < rounds && kill < rounds * killsPerRound; kill++)
        {
            killWriter(dir, keys, args[3]);
            final Object killedFile = fileKey(dir.resolve(ChronicleKvStore.STORE_FILE));
            final String load = Load.average();
            final long start = System.nanoTime();
            try (ChronicleKvStore store = ChronicleKvStore.open(options))
            {
                final double opened = millis(start);
                store.get(KvBenchmark.key(7));
                store.put("after:crash", Integer.toString(round));
                final double served = millis(start);
                final boolean sameFile = killedFile.equals(fileKey(dir.resolve(ChronicleKvStore.STORE_FILE)));
                final StoreRecovery recovery = store.recovery();
                System.out.println(String.format(Locale.ROOT, "kill %d, keys %,d, pause %s us: open returned %.1f ms,"
                    + " get+put served %.1f ms, %s (%s); load %s", kill, store.size(), args[3], opened, served,
                    recovery, sameFile ? "same store.dat" : "store.dat replaced", load));
                if (killsPerRound == 1 || recovery != StoreRecovery.IN_PLACE)
                {
                    round++;
                }
                if (waitForIndex)
                {
                    store.keys("", 0, 1);
                    System.out.println(String.format(Locale.ROOT, "  index rebuilt %.0f ms after the open; load %s",
                        millis(start), Load.average()));
                }
            }
        }
    }

    private static KvOptions options(final Path dir, final int keys)
    {
        return new KvOptions(dir, keys + keys / 10, 17, 8);
    }

    private static void killWriter(final Path dir, final int keys, final String pauseMicros)
        throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashServeFigures.class.getName(),
            "write", dir.toString(), Integer.toString(keys), pauseMicros));
        final Process child = new ProcessBuilder(command).redirectError(new File("/dev/null")).start();
        final BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine())
        {
            System.out.println("  writer: " + line);
            if (line.startsWith("writing"))
            {
                break;
            }
        }
        Thread.sleep(WRITE_MILLIS_BEFORE_KILL);
        child.destroyForcibly();
        child.waitFor();
    }

    private static void write(final Path dir, final int keys, final long pauseMicros)
    {
        final boolean fill = !Files.exists(dir.resolve(ChronicleKvStore.STORE_FILE));
        final ChronicleKvStore store = ChronicleKvStore.open(options(dir, keys));
        if (fill)
        {
            final long start = System.nanoTime();
            for (final int i : KvBenchmark.shuffled(keys))
            {
                store.put(KvBenchmark.key(i), Integer.toString(i));
            }
            System.out.println(String.format(Locale.ROOT, "filled %,d keys in %.1f s", keys, millis(start) / 1000));
        }
        System.out.println("writing, recovered at open: " + store.recovered());
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true)
        {
            final int i = random.nextInt(keys);
            store.put(KvBenchmark.key(i), Integer.toString(i));
            if (pauseMicros > 0)
            {
                LockSupport.parkNanos(pauseMicros * 1000);
            }
        }
    }

    private static Object fileKey(final Path file) throws IOException
    {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static double millis(final long start)
    {
        return (System.nanoTime() - start) / 1e6;
    }
}
