package dev.sxs.it.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A forked host JVM running {@link ProbeHost}, started without any JVM flag of sxs's (a real host
 * does not know about sxs), optionally with {@code -javaagent}. Its working folder is a test folder,
 * so sxs's default {@code ./sxs-data} lands there. Ask it questions with {@link #ask}.
 */
final class HostJvm implements AutoCloseable
{
    /** How long one answer may take, s. */
    static final long DEFAULT_ANSWER_SECONDS = 60;

    private final Process process;
    private final PrintWriter stdin;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(10_000);
    private final Path stderr;

    private HostJvm(final Process process, final Path stderr)
    {
        this.process = process;
        this.stderr = stderr;
        this.stdin = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = out.readLine()) != null)
                {
                    lines.offer(line);
                }
            }
            catch (final IOException ignored)
            {
                // the host is gone
            }
        }, "host-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param jdk        the JDK to run on.
     * @param workDir    working folder (gets the stderr file too).
     * @param agentArg   the full {@code -javaagent:...} option, or null for none.
     * @param extraFlags more JVM options.
     * @param classPath  extra class path entries after the probe's classes.
     * @return the started host, after it said it is ready.
     * @throws Exception when it does not start.
     */
    static HostJvm start(final Jdk jdk, final Path workDir, final String agentArg, final List<String> extraFlags,
        final List<Path> classPath)
        throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.add("-Xmx256m");
        command.addAll(extraFlags);
        if (agentArg != null)
        {
            command.add(agentArg);
        }
        final StringBuilder cp = new StringBuilder(probeClassPath());
        for (final Path p : classPath)
        {
            cp.append(java.io.File.pathSeparatorChar).append(p);
        }
        command.add("-cp");
        command.add(cp.toString());
        command.add(ProbeHost.class.getName());
        Files.createDirectories(workDir);
        final Path err = workDir.resolve("host-" + System.nanoTime() + ".err");
        final Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectError(err.toFile())
            .start();
        final HostJvm host = new HostJvm(process, err);
        final String ready = host.next();
        if (ready == null || !ready.startsWith("host ready"))
        {
            host.close();
            throw new IllegalStateException("host did not start: " + ready + "\n" + host.stderr());
        }
        return host;
    }

    /**
     * @return the class path a host gets when the test adds nothing: the folder of the probe's classes.
     * @throws java.net.URISyntaxException never, for a class loaded from a file.
     */
    static String probeClassPath() throws java.net.URISyntaxException
    {
        return Path.of(ProbeHost.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** @return the host's PID. */
    long pid()
    {
        return process.pid();
    }

    /**
     * @param question a {@link ProbeHost} command.
     * @return the answer without its leading word (e.g. "running" for "status running").
     * @throws Exception when the host does not answer in time.
     */
    String ask(final String question) throws Exception
    {
        stdin.println(question);
        final String answer = next();
        if (answer == null)
        {
            throw new IllegalStateException("no answer to '" + question + "'; host alive=" + process.isAlive() + "\n"
                + stderr());
        }
        final String word = question.split(" ")[0];
        if (!answer.startsWith(word + " ") && !answer.equals(word))
        {
            throw new IllegalStateException("answer to '" + question + "' was '" + answer + "'\n" + stderr());
        }
        return answer.substring(Math.min(answer.length(), word.length() + 1));
    }

    /**
     * Ask {@code status} until sxs is no longer starting.
     *
     * @return the final status (running, failed: ..., none).
     * @throws Exception on timeout.
     */
    String awaitStarted() throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEFAULT_ANSWER_SECONDS);
        String status = ask("status");
        while ((status.equals("starting") || status.equals("none")) && System.nanoTime() < deadline)
        {
            TimeUnit.MILLISECONDS.sleep(100); // polling the host's state, not synchronising threads of ours
            status = ask("status");
        }
        return status;
    }

    /** @return true while the host runs. */
    boolean alive()
    {
        return process.isAlive();
    }

    /**
     * End the host normally ({@code exit}: shutdown hooks run) and wait.
     *
     * @return its exit status.
     * @throws Exception when it does not end.
     */
    int exit() throws Exception
    {
        stdin.println("exit");
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("host did not exit\n" + stderr());
        }
        return process.exitValue();
    }

    /** @return the host's stderr so far. */
    String stderr()
    {
        try
        {
            return Files.readString(stderr);
        }
        catch (final IOException ex)
        {
            return "(no stderr: " + ex + ")";
        }
    }

    private String next() throws InterruptedException
    {
        return lines.poll(DEFAULT_ANSWER_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close()
    {
        if (process.isAlive())
        {
            process.destroyForcibly();
            try
            {
                process.waitFor(30, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt(); // AutoCloseable.close should not throw it
            }
        }
    }
}
