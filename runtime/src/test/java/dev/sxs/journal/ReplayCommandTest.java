package dev.sxs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.lang.IntValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest
{
    private static final long T0 = Instant.parse("2026-11-26T10:00:00Z").getEpochSecond() * 1_000_000_000L;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Long> indexes = new ArrayList<>();

    @BeforeEach
    void writeJournal()
    {
        try (ChronicleJournal journal = ChronicleJournal.builder(dir.resolve("journal")).open())
        {
            for (int i = 0; i < 10; i++)
            {
                indexes.add(journal.append(new Event(i, T0 + i * 1_000_000_000L, i % 2 == 0 ? Channel.A : Channel.B,
                    i % 3,
                    IntValue.of(i * 10), "")));
            }
        }
    }

    private int run(final String... args)
    {
        out.reset();
        err.reset();
        return ReplayCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> lines()
    {
        final String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private String error()
    {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintEveryRecord()
    {
        assertEquals(0, run(dir.resolve("journal").toString()));
        assertEquals(10, lines().size());
        assertEquals(indexes.get(0) + " 2026-11-26T10:00:00.000000000Z A 0 \"\" 0", lines().get(0));
        assertEquals(indexes.get(9) + " 2026-11-26T10:00:09.000000000Z B 0 \"\" 90", lines().get(9));
        assertEquals("", error());
    }

    @Test
    void shouldApplyRangeAndFilterOptions()
    {
        final String journal = dir.resolve("journal").toString();
        assertEquals(0, run(journal, "--from", indexes.get(2).toString(), "--to", indexes.get(6).toString(),
            "--channel",
            "B"));
        assertEquals(List.of("30", "50"), lines().stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList());
        assertEquals(0, run(journal, "--since", "2026-11-26T10:00:04Z", "--until=2026-11-26T10:00:07Z", "--topic",
            "1"));
        assertEquals(List.of("40", "70"), lines().stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList());
        final long millis = Instant.parse("2026-11-26T10:00:08Z").toEpochMilli();
        assertEquals(0, run(journal, "--since", Long.toString(millis), "--channel", "$CHANNEL_A"));
        assertEquals(1, lines().size());
        assertEquals(0, run(journal, "--from", "0x" + Long.toHexString(indexes.get(9)), "--pace", "original",
            "--progress"));
        assertEquals(1, lines().size());
        assertTrue(error().contains("replay: 1/1 records read (100%), 1 printed, done"), error());
    }

    @Test
    void shouldStreamEachRecordAsItIsReplayedAtOriginalPace()
    {
        final List<String> seenBeforeNext = new ArrayList<>();
        final ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        final PrintStream print = new PrintStream(streamed, true, StandardCharsets.UTF_8);
        try (JournalReader reader = JournalReader.open(dir.resolve("journal")))
        {
            final PrintSink sink = PrintSink.streaming(print);
            new Replay(reader, ReplayRequest.ALL.withToIndex(indexes.get(3))).run(new ReplaySink()
            {
                @Override
                public void accept(final JournalEntry entry)
                {
                    sink.accept(entry);
                    seenBeforeNext.add(streamed.toString(StandardCharsets.UTF_8));
                }
            });
        }
        assertEquals(4, seenBeforeNext.size());
        for (int i = 0; i < 4; i++)
        {
            assertEquals(i + 1, seenBeforeNext.get(i).split("\n").length, "line " + i + " written at once");
        }
        assertEquals(0, run(dir.resolve("journal").toString(), "--speed", "1000", "--to", indexes.get(2).toString()));
        assertEquals(3, lines().size(), "--speed N replays at N times the original pace");
        assertUsage("replay: bad --speed '0'", dir.resolve("journal").toString(), "--speed", "0");
        assertUsage("replay: --speed applies to --pace original", dir.resolve("journal").toString(), "--speed", "2",
            "--pace", "instant");
    }

    @Test
    void shouldCountOnlyTheSelectedRangeInProgress()
    {
        assertEquals(0, run(dir.resolve("journal").toString(), "--since", "2026-11-26T10:00:03Z", "--until",
            "2026-11-26T10:00:05Z", "--progress"));
        assertEquals(3, lines().size());
        assertTrue(error().contains("replay: 3/3 records read (100%), 3 printed, done"), error());
    }

    @Test
    void shouldExitTwoWithAPreciseMessageForBadUsage()
    {
        final String journal = dir.resolve("journal").toString();
        assertUsage("replay: missing journal folder DIR");
        assertUsage("replay: --from and --since exclude each other", journal, "--from", "1", "--since", "2026-01-01");
        assertUsage("replay: --to and --until exclude each other", journal, "--to", "1", "--until", "2026-01-01");
        assertUsage("replay: bad --channel 'G' (expected exec or A..F)", journal, "--channel", "G");
        assertUsage("replay: bad --topic '70000' (expected an integer from 0 to 65535)", journal, "--topic", "70000");
        assertUsage("replay: bad --since 'yesterday'", journal, "--since", "yesterday");
        assertUsage("replay: bad --from '-3'", journal, "--from", "-3");
        assertUsage("replay: bad --pace 'fast' (expected instant or original)", journal, "--pace", "fast");
        assertUsage("replay: unknown option '--follow'", journal, "--follow");
        assertUsage("replay: option --topic needs a value", journal, "--topic");
        assertUsage("replay: one journal folder expected", journal, "other");
    }

    @Test
    void shouldExitTwoForAFolderThatIsNotAJournal() throws Exception
    {
        assertEquals(2, run(dir.resolve("missing").toString()));
        assertTrue(error().startsWith("replay: not a journal folder: " + dir.resolve("missing") + " does not exist"),
            error());
        Files.createDirectories(dir.resolve("plain"));
        Files.writeString(dir.resolve("plain").resolve("notes.txt"), "hello");
        assertEquals(2, run(dir.resolve("plain").toString()));
        assertTrue(error().contains("has no metadata.cq4t"), error());
        assertEquals(2, run(dir.resolve("plain").resolve("notes.txt").toString()));
        assertTrue(error().contains("is not a directory"), error());
        assertTrue(lines().isEmpty());
    }

    @Test
    void shouldPointFromADataFolderToTheJournalInside()
    {
        assertEquals(2, run(dir.toString()));
        assertTrue(error().startsWith("replay: not a journal folder: " + dir + " has no metadata.cq4t"), error());
        assertTrue(error().contains("this looks like an sxs data folder: its journal is " + dir.resolve("journal")),
            error());
    }

    @Test
    void shouldPrintTheUsageOnStdoutForHelp()
    {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: sxs replay DIR"),
            out.toString(StandardCharsets.UTF_8));
        assertEquals("", error());
        assertEquals(0, run(dir.resolve("journal").toString(), "-h", "--topic", "x"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: sxs replay DIR"));
    }

    @Test
    void shouldParseTheTimeFormsUsersType()
    {
        final Instant t = Instant.parse("2026-11-26T10:00:00Z");
        assertEquals(t, ReplayOptions.time("--since", "2026-11-26T10:00:00Z"));
        assertEquals(t, ReplayOptions.time("--since", "2026-11-26T11:00:00+01:00"));
        assertEquals(t, ReplayOptions.time("--since", "2026-11-26T10:00"));
        assertEquals(t, ReplayOptions.time("--since", Long.toString(t.toEpochMilli())));
        assertEquals(Instant.parse("2026-11-26T00:00:00Z"), ReplayOptions.time("--since", "2026-11-26"));
        assertThrows(ReplayUsageException.class, () -> ReplayOptions.time("--until", "26/11/2026"));
    }

    private void assertUsage(final String message, final String... args)
    {
        assertEquals(2, run(args), String.join(" ", args));
        assertTrue(error().startsWith(message), error());
        assertTrue(error().contains("usage: sxs replay DIR"), error());
    }
}
