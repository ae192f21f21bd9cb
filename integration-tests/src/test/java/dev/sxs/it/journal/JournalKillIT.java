package dev.sxs.it.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.journal.ChronicleJournal;
import dev.sxs.journal.JournalEntry;
import dev.sxs.journal.JournalReader;
import dev.sxs.journal.Replay;
import dev.sxs.journal.ReplayProgress;
import dev.sxs.journal.ReplayRequest;
import dev.sxs.lang.IntValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal reopened after its writer was killed with {@code kill -9} keeps every event the writer saw
 * accepted, and takes new appends.
 */
class JournalKillIT
{
    private static final int ACCEPTED_BEFORE_KILL = 5_000;

    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryAcceptedEventAfterKillNine() throws Exception
    {
        final Path folder = dir.resolve("journal");
        final Process writer = fork(folder);
        final Map<Long, Long> accepted = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8)))
        {
            while (accepted.size() < ACCEPTED_BEFORE_KILL)
            {
                final String line = lines.readLine();
                assertNotNull(line, () -> "writer ended early: " + stderr());
                final String[] parts = line.split(" ");
                accepted.put(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
            final Process kill = new ProcessBuilder("kill", "-9", Long.toString(writer.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -9 " + writer.pid());
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "writer did not die");
            assertEquals(137, writer.exitValue(), "killed by SIGKILL");
            String line;
            while ((line = lines.readLine()) != null)
            {
                final String[] parts = line.split(" ");
                accepted.put(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        }
        finally
        {
            writer.destroyForcibly();
        }

        final Map<Long, Long> found = new HashMap<>();
        final List<String> problems = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(folder))
        {
            final ReplayProgress progress = new Replay(reader, ReplayRequest.ALL).run((JournalEntry e) ->
            {
                found.put(e.index(), e.sequence());
                if (!e.payload().toString().equals(Long.toString(e.sequence() * 3)) || !e.origin().toString().equals("it/"))
                {
                    problems.add(e.toString());
                }
            });
            assertEquals(ReplayProgress.State.DONE, progress.state(), progress::toString);
        }
        for (final Map.Entry<Long, Long> a : accepted.entrySet())
        {
            assertEquals(a.getValue(), found.get(a.getKey()), "accepted index " + a.getKey() + " kept with its event");
        }
        assertEquals(List.of(), problems);

        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            final long next = journal.append(new Event(0, System.currentTimeMillis() * 1_000_000L, Channel.A, 1, IntValue.of(1), ""));
            assertTrue(accepted.keySet().stream().allMatch(i -> i < next), "appends continue after the last accepted index");
            assertTrue(journal.info().records() >= accepted.size() + 1);
        }
    }

    private Process fork(final Path folder) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle."))
            {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(JournalWriterMain.class.getName());
        command.add(folder.toString());
        return new ProcessBuilder(command).redirectError(dir.resolve("writer.err").toFile()).start();
    }

    private String stderr()
    {
        try
        {
            return Files.readString(dir.resolve("writer.err"));
        }
        catch (final Exception ex)
        {
            return "(no stderr: " + ex + ")";
        }
    }
}
