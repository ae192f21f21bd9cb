package dev.sxs.it.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.it.ForkedJvm;
import dev.sxs.journal.ChronicleJournal;
import dev.sxs.journal.JournalEntry;
import dev.sxs.journal.JournalReader;
import dev.sxs.journal.Replay;
import dev.sxs.journal.ReplayCommand;
import dev.sxs.journal.ReplayProgress;
import dev.sxs.journal.ReplayRequest;
import dev.sxs.lang.IntValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal being written by another process can be replayed read-only ({@code sxs replay}); reopened
 * after its writer was killed with {@code kill -9}, it keeps every event the writer saw accepted, and
 * takes new appends.
 */
class JournalKillIT
{
    private static final int ACCEPTED_BEFORE_KILL = 5_000;
    private static final int READ_WHILE_WRITING_AFTER = 1_000;

    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryAcceptedEventAfterKillNine() throws Exception
    {
        final Path folder = dir.resolve("journal");
        final Map<Long, Long> accepted = new HashMap<>();
        try (ForkedJvm writer = ForkedJvm.start(JournalWriterMain.class, dir.resolve("writer.err"), folder.toString()))
        {
            while (accepted.size() < ACCEPTED_BEFORE_KILL)
            {
                accept(writer.awaitLine(""), accepted);
                if (accepted.size() == READ_WHILE_WRITING_AFTER)
                {
                    assertReadableWhileWritten(folder, new HashMap<>(accepted));
                }
            }
            writer.kill9();
            for (final String line : writer.readToEnd())
            {
                accept(line, accepted);
            }
        }

        final Map<Long, Long> found = new HashMap<>();
        final List<String> problems = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(folder))
        {
            final ReplayProgress progress = new Replay(reader, ReplayRequest.ALL).run((JournalEntry e) ->
            {
                found.put(e.index(), e.sequence());
                if (!e.payload().toString().equals(Long.toString(e.sequence() * 3)) || !e.origin().toString()
                    .equals("it/"))
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
            final long next = journal.append(new Event(0, System.currentTimeMillis() * 1_000_000L, Channel.A, 1,
                IntValue.of(1), ""));
            assertTrue(accepted.keySet().stream().allMatch(i -> i < next),
                "appends continue after the last accepted index");
            assertTrue(journal.info().records() >= accepted.size() + 1);
        }
    }

    /** Another process appends to the folder: it opens read-only and shows every accepted record. */
    private static void assertReadableWhileWritten(final Path folder, final Map<Long, Long> acceptedSoFar)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = ReplayCommand.run(List.of(folder.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, () -> err.toString(StandardCharsets.UTF_8));
        final Map<Long, String> printed = new HashMap<>();
        for (final String line : out.toString(StandardCharsets.UTF_8).split("\n"))
        {
            // index time channel topic "scope" payload
            final String[] fields = line.split(" ");
            printed.put(Long.parseLong(fields[0]), fields[5]);
        }
        for (final Map.Entry<Long, Long> a : acceptedSoFar.entrySet())
        {
            assertEquals(Long.toString(a.getValue() * 3), printed.get(a.getKey()), "record " + a.getKey()
                + " visible to a reader");
        }
    }

    private static void accept(final String line, final Map<Long, Long> accepted)
    {
        final String[] parts = line.split(" ");
        accepted.put(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }
}
