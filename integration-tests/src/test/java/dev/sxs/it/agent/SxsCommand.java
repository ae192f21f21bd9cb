package dev.sxs.it.agent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real CLI, {@code java -jar agent/target/sxs-agent.jar ARGS}, on a given JDK and captures
 * its exit status, stdout and stderr.
 *
 * @param exitCode the exit status.
 * @param out      stdout.
 * @param err      stderr.
 */
public record SxsCommand(int exitCode, String out, String err)
{
    /** @return the agent jar under test. */
    public static Path agentJar()
    {
        return Path.of(System.getProperty("sxs.it.agentJar", "../agent/target/sxs-agent.jar")).toAbsolutePath()
            .normalize();
    }

    /**
     * @param jdk  the JDK to run the CLI on.
     * @param args the arguments.
     * @return what happened.
     * @throws Exception when it cannot run or takes over two minutes.
     */
    public static SxsCommand run(final Jdk jdk, final String... args) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.add("-jar");
        command.add(agentJar().toString());
        command.addAll(List.of(args));
        final Path out = Files.createTempFile("sxs-cli", ".out");
        final Path err = Files.createTempFile("sxs-cli", ".err");
        try
        {
            final Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
            if (!p.waitFor(120, TimeUnit.SECONDS))
            {
                p.destroyForcibly();
                throw new IllegalStateException("sxs " + String.join(" ", args) + " did not finish: "
                    + Files.readString(err));
            }
            return new SxsCommand(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        }
        finally
        {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** @return stdout lines. */
    public List<String> lines()
    {
        return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
    }
}
