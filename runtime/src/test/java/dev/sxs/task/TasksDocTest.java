package dev.sxs.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code sxs} block of docs/tasks.md in order on one data folder: {@code ;=> VALUE} checks the
 * value of the forms before it, {@code ;until> FORM => VALUE} waits (bounded) until FORM gives VALUE, and
 * {@code ;restart} closes the runtime and starts a new one over the same folder.
 */
class TasksDocTest
{
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private static Path projectFile(final String name)
    {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(name)))
        {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "cannot find " + name);
        return dir.resolve(name);
    }

    private static SxsRuntime start(final Path data)
    {
        return SxsRuntime.start(Config.defaults().with(Map.of("data", data.toString(), "kv.entries", "10000")),
            LogSink.NONE);
    }

    @Test
    void shouldShowTheTrueResultsOfTheOrderWorkflowAcrossARestart(@TempDir final Path data) throws IOException
    {
        final List<String> lines = Files.readAllLines(projectFile("docs/tasks.md"), StandardCharsets.UTF_8);
        SxsRuntime runtime = start(data);
        int checks = 0;
        try
        {
            boolean inBlock = false;
            final StringBuilder source = new StringBuilder();
            for (final String line : lines)
            {
                if (line.startsWith("```"))
                {
                    inBlock = !inBlock && line.equals("```sxs");
                    continue;
                }
                if (!inBlock)
                {
                    continue;
                }
                if (line.equals(";restart"))
                {
                    runtime.close();
                    runtime = start(data);
                }
                else if (line.startsWith(";until> "))
                {
                    final String[] parts = line.substring(";until> ".length()).split(" => ", 2);
                    until(runtime, parts[0], parts[1]);
                    checks++;
                }
                else if (line.startsWith(";=> "))
                {
                    assertEquals(line.substring(";=> ".length()), Tasks.eval(runtime, source.toString()),
                        source.toString());
                    source.setLength(0);
                    checks++;
                }
                else
                {
                    source.append(line).append('\n');
                }
            }
        }
        finally
        {
            runtime.close();
        }
        assertTrue(checks >= 10, "too few checks in docs/tasks.md: " + checks);
    }

    private static void until(final SxsRuntime runtime, final String form, final String printed)
    {
        final long deadline = System.nanoTime() + WAIT_NANOS;
        while (!Tasks.eval(runtime, form).equals(printed))
        {
            if (System.nanoTime() > deadline)
            {
                fail(form + " never gave " + printed);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }
}
