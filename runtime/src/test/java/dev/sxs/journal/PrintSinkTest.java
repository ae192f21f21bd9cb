package dev.sxs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.StrValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintSinkTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPrintIndexTimeChannelTopicScopeAndCanonicalPayloadOneALine()
    {
        final long t = Instant.parse("2026-11-26T20:32:36.123456789Z").getEpochSecond() * 1_000_000_000L + 123_456_789L;
        final long a;
        final long b;
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).open())
        {
            a = journal.append(new Event(1, t, Channel.EXEC, 3, new StrValue("(core/kv/set k \"v\")\nnext"), ""));
            b = journal.append(new Event(2, t + 1_000_000_001L, Channel.C, 65535,
                new ListValue(ListKind.CALL, List.of(IntValue.of(-7), new StrValue("é"))), "x/"));
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JournalReader reader = JournalReader.open(dir))
        {
            new Replay(reader, ReplayRequest.ALL).run(new PrintSink(out));
        }
        assertEquals(a + " 2026-11-26T20:32:36.123456789Z exec 3 \"\" \"(core/kv/set k \\\"v\\\")\\nnext\"\n"
                + b + " 2026-11-26T20:32:37.123456790Z C 65535 \"x/\" (-7 \"é\")\n",
            out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldFormatTimesThatInstantParsesBack()
    {
        final UtcTimeFormat format = new UtcTimeFormat();
        for (final String text : List.of("1970-01-01T00:00:00Z", "2026-02-28T23:59:59.999999999Z",
            "1969-12-31T23:59:59.5Z",
            "2000-01-01T00:00:00.000000001Z", "2026-11-26T00:00:01.010Z"))
        {
            final Instant time = Instant.parse(text);
            final String printed = format.format(ReplayRequest.toNanos(time));
            assertEquals(time, Instant.parse(printed), printed);
            assertEquals(30, printed.length(), printed);
        }
        assertEquals("2026-11-26T00:00:01.010000000Z",
            format.format(ReplayRequest.toNanos(Instant.parse("2026-11-26T00:00:01.010Z"))));
    }

    @Test
    void shouldWriteLargeReplaysInBlocksWithoutLosingLines()
    {
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).open())
        {
            for (int i = 0; i < 20_000; i++)
            {
                journal.append(new Event(i, i, Channel.A, i % 10, IntValue.of(i), ""));
            }
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final PrintSink sink = new PrintSink(out);
        try (JournalReader reader = JournalReader.open(dir))
        {
            new Replay(reader, ReplayRequest.ALL).run(sink);
        }
        final String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(20_000, lines.length);
        assertEquals(20_000, sink.lines());
        assertEquals("19999", lines[19_999].substring(lines[19_999].lastIndexOf(' ') + 1));
    }
}
