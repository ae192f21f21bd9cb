package dev.sxs.it.server;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import dev.sxs.it.agent.Jdk;

/**
 * Looks into a running JVM from outside with the JDK's {@code jcmd}, as an operator would: its
 * system properties ({@code VM.system_properties}) and live instances of a class after a full GC
 * ({@code GC.class_histogram}).
 */
final class Jcmd
{
    private Jcmd()
    {
    }

    /**
     * @param jdk the JDK whose {@code jcmd} to use (the target's).
     * @param pid the target.
     * @return its system properties now.
     * @throws Exception when jcmd fails.
     */
    static Properties systemProperties(final Jdk jdk, final long pid) throws Exception
    {
        final String out = run(jdk, pid, "VM.system_properties");
        final Properties properties = new Properties();
        // the first line is "PID:", the rest is in java.util.Properties format
        properties.load(new StringReader(out.substring(out.indexOf('\n') + 1)));
        return properties;
    }

    /**
     * @param jdk       the JDK whose {@code jcmd} to use.
     * @param pid       the target.
     * @param className a class name.
     * @return how many instances of exactly that class are alive after the full GC the histogram runs.
     * @throws Exception when jcmd fails.
     */
    static long liveInstances(final Jdk jdk, final long pid, final String className) throws Exception
    {
        for (final String row : run(jdk, pid, "GC.class_histogram").split("\n"))
        {
            final String[] cols = row.trim().split("\\s+");
            if (cols.length >= 4 && cols[3].equals(className))
            {
                return Long.parseLong(cols[1]);
            }
        }
        return 0;
    }

    /**
     * Poll the target's {@code sxs.status} until sxs is running.
     *
     * @param jdk     the JDK whose {@code jcmd} to use.
     * @param pid     the target.
     * @param timeout how long sxs may take to start.
     * @throws Exception when sxs failed or did not start in time.
     */
    static void awaitSxsRunning(final Jdk jdk, final long pid, final Duration timeout) throws Exception
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        String status = systemProperties(jdk, pid).getProperty("sxs.status", "none");
        while (!status.equals("running"))
        {
            if (status.startsWith("failed") || System.nanoTime() > deadline)
            {
                throw new IllegalStateException("sxs in " + pid + " is " + status);
            }
            TimeUnit.MILLISECONDS.sleep(200); // polling another process's state
            status = systemProperties(jdk, pid).getProperty("sxs.status", "none");
        }
    }

    private static String run(final Jdk jdk, final long pid, final String command) throws Exception
    {
        final Path out = Files.createTempFile("sxs-jcmd", ".out");
        try
        {
            final String jcmd = jdk.home().resolve("bin").resolve("jcmd").toString();
            final Process p = new ProcessBuilder(List.of(jcmd, Long.toString(pid), command))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS))
            {
                p.destroyForcibly();
                throw new IllegalStateException("jcmd " + pid + " " + command + " did not finish");
            }
            final String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0)
            {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + text);
            }
            return text;
        }
        finally
        {
            Files.deleteIfExists(out);
        }
    }
}
