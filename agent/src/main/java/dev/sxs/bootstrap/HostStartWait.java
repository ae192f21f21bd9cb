package dev.sxs.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Holds sxs's start in a JVM that loaded it with {@code -javaagent} until the host has finished its own
 * start, so that sxs's start (about 2 s of CPU: Chronicle Map, Chronicle Queue, the MBeans, and the JIT
 * compiling them) does not compete with the host's for the cores.
 * <p>
 * The host's start is read from class loading, the one thing every Java start does without pause: a server
 * starting up loads classes from its first millisecond to its "started" line, a started one almost never.
 * When the JVM's count of loaded classes has stood still for {@value #QUIET_KEY} (default
 * {@value #DEFAULT_QUIET_MILLIS} ms), the host has started; sxs starts at the latest {@value #MAX_WAIT_KEY}
 * (default {@value #DEFAULT_MAX_WAIT_MILLIS} ms) after {@code premain}, for a host that never stops loading
 * classes. A host starved of cores loads no class either while its start is far from over, so the quiet time
 * ends only when no other thread of the process is busy ({@link BusyThreads}). {@code start=now} starts at
 * once, as an attach always does.
 * <p>
 * The settings are read here, before sxs's class loader exists (building it is part of what waits), from the
 * same sources and in the same order as the agent's configuration: the agent arguments over the system
 * properties {@code sxs.*} over the configuration file. A value this class cannot read means no wait: the
 * configuration then fails at once with its precise message.
 * <p>
 * Threading: {@link #await()} blocks the calling thread ({@code sxs-boot}, never a host thread), polling a
 * JVM counter every {@value #POLL_MILLIS} ms; an interrupt ends the wait.
 */
final class HostStartWait
{
    /** Setting choosing when sxs starts: {@value #DEFERRED} or {@value #NOW}. */
    static final String START_KEY = "start";
    /** Setting: how long class loading must stand still, milliseconds. */
    static final String QUIET_KEY = "start.quietMillis";
    /** Setting: the longest wait, milliseconds. */
    static final String MAX_WAIT_KEY = "start.maxWaitMillis";
    /** Start once the host has started (the default for {@code -javaagent}). */
    static final String DEFERRED = "deferred";
    /** Start at once. */
    static final String NOW = "now";
    /** Default of {@value #QUIET_KEY}. */
    static final long DEFAULT_QUIET_MILLIS = 500;
    /** Default of {@value #MAX_WAIT_KEY}. */
    static final long DEFAULT_MAX_WAIT_MILLIS = 30_000;
    /** How often the class count is read, milliseconds. */
    static final long POLL_MILLIS = 50;
    /** How many looks at the threads' states find the host busy ({@link BusyThreads}). */
    static final int BUSY_LOOKS = 3;
    /** Time between those looks, milliseconds. */
    static final long BUSY_LOOK_GAP_MILLIS = 7;

    /** Sleeps; a seam for tests. */
    @FunctionalInterface
    interface Sleeper
    {
        /**
         * @param millis how long.
         * @throws InterruptedException when interrupted.
         */
        void sleep(long millis) throws InterruptedException;
    }

    private final long quietNanos;
    private final long maxWaitNanos;

    private HostStartWait(final long quietMillis, final long maxWaitMillis)
    {
        this.quietNanos = TimeUnit.MILLISECONDS.toNanos(quietMillis);
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
    }

    /**
     * @param agentArgs  the {@code -javaagent} arguments, may be null.
     * @param properties the host's system properties (read only).
     * @return the wait these settings ask for, or null for none ({@code start=now}, or a value that is not
     *         readable and will fail the configuration).
     */
    static HostStartWait of(final String agentArgs, final Properties properties)
    {
        final Properties settings = settings(agentArgs, properties);
        if (settings == null || !DEFERRED.equalsIgnoreCase(settings.getProperty(START_KEY, DEFERRED).trim()))
        {
            return null;
        }
        final long quiet = millis(settings, QUIET_KEY, DEFAULT_QUIET_MILLIS);
        final long maxWait = millis(settings, MAX_WAIT_KEY, DEFAULT_MAX_WAIT_MILLIS);
        return quiet < 0 || maxWait < 0 ? null : new HostStartWait(quiet, maxWait);
    }

    /**
     * Wait on the JVM's class loading; returns early when {@code java.management} is not in this JVM.
     *
     * @return how long it waited, milliseconds.
     */
    long await()
    {
        final LongSupplier loaded;
        try
        {
            loaded = ManagementFactory.getClassLoadingMXBean()::getTotalLoadedClassCount;
        }
        catch (final LinkageError ex)
        {
            return 0;
        }
        return await(loaded, BusyThreads.ofThisProcess(), System::nanoTime, Thread::sleep);
    }

    /**
     * The rule: the host has started when no class was loaded for the quiet time and, at its end, no other
     * thread of the process is running or waiting for a core or the disk ({@link BusyThreads}: a host starved
     * of cores loads no class either); a busy end starts the quiet time again.
     *
     * @param loadedClasses the count of classes loaded so far, never decreasing.
     * @param hostBusy      whether another thread of the process is busy now.
     * @param nanoClock     a monotonic clock.
     * @param sleeper       sleeps between readings.
     * @return how long it waited, milliseconds.
     */
    long await(final LongSupplier loadedClasses, final BooleanSupplier hostBusy, final LongSupplier nanoClock,
        final Sleeper sleeper)
    {
        final long start = nanoClock.getAsLong();
        long count = loadedClasses.getAsLong();
        long stillSince = start;
        long now = start;
        try
        {
            while (now - start < maxWaitNanos)
            {
                sleeper.sleep(POLL_MILLIS);
                now = nanoClock.getAsLong();
                final long latest = loadedClasses.getAsLong();
                if (latest != count)
                {
                    count = latest;
                    stillSince = now;
                }
                else if (now - stillSince >= quietNanos)
                {
                    if (!busyThroughout(hostBusy, sleeper))
                    {
                        break;
                    }
                    now = nanoClock.getAsLong();
                    stillSince = now;
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        return TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - start);
    }

    /**
     * A starved host's threads stay runnable for as long as they wait; the JVM's own periodic threads (the
     * {@code VM Periodic Task} thread every 50 ms, the GC's service thread) are runnable for microseconds, and a
     * single look at the end of every 50 ms poll could keep meeting one of them for seconds. So the host is busy
     * only when it is at each of {@value #BUSY_LOOKS} looks {@value #BUSY_LOOK_GAP_MILLIS} ms apart.
     */
    private static boolean busyThroughout(final BooleanSupplier hostBusy, final Sleeper sleeper)
        throws InterruptedException
    {
        for (int look = 0; look < BUSY_LOOKS; look++)
        {
            if (look > 0)
            {
                sleeper.sleep(BUSY_LOOK_GAP_MILLIS);
            }
            if (!hostBusy.getAsBoolean())
            {
                return false;
            }
        }
        return true;
    }

    /** @return the settings this class reads, merged by precedence; null when the configuration file is unreadable. */
    private static Properties settings(final String agentArgs, final Properties system)
    {
        final Properties args = arguments(agentArgs);
        final String file = args.getProperty("config", system.getProperty("sxs.config"));
        final Properties merged = new Properties();
        if (file != null && !file.isBlank())
        {
            final Properties fromFile = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of(file.trim()), StandardCharsets.UTF_8))
            {
                fromFile.load(in);
            }
            catch (final IOException | RuntimeException ex)
            {
                return null;
            }
            for (final String key : new String[] {START_KEY, QUIET_KEY, MAX_WAIT_KEY})
            {
                copy(fromFile, key, merged);
                copy(fromFile, "sxs." + key, key, merged);
            }
        }
        for (final String key : new String[] {START_KEY, QUIET_KEY, MAX_WAIT_KEY})
        {
            copy(system, "sxs." + key, key, merged);
            copy(args, key, merged);
        }
        return merged;
    }

    /** @return the {@code key=value} pairs of the agent arguments; malformed pairs are left to the configuration. */
    private static Properties arguments(final String agentArgs)
    {
        final Properties pairs = new Properties();
        for (final String pair : agentArgs == null ? new String[0] : agentArgs.split(","))
        {
            final int eq = pair.indexOf('=');
            if (eq > 0)
            {
                pairs.setProperty(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return pairs;
    }

    private static void copy(final Properties from, final String key, final Properties to)
    {
        copy(from, key, key, to);
    }

    private static void copy(final Properties from, final String fromKey, final String toKey, final Properties to)
    {
        final String value = from.getProperty(fromKey);
        if (value != null)
        {
            to.setProperty(toKey, value);
        }
    }

    /** @return the setting in milliseconds, its default when absent, -1 when it is not a number. */
    private static long millis(final Properties settings, final String key, final long defaultValue)
    {
        final String text = settings.getProperty(key);
        if (text == null)
        {
            return defaultValue;
        }
        try
        {
            return Long.parseLong(text.trim());
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }
}
