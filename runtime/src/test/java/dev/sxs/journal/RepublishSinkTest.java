package dev.sxs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.StrValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepublishSinkTest
{
    /** Reads integers back; anything else is unreadable (the language reader is wired in by the runtime). */
    private static final PayloadCodec INTEGERS = new PayloadCodec()
    {
        @Override
        public String encode(final Object payload)
        {
            return String.valueOf(payload);
        }

        @Override
        public Object decode(final String text)
        {
            try
            {
                return IntValue.of(Long.parseLong(text));
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("not an integer: " + text, ex);
            }
        }
    };

    @TempDir
    Path dir;

    @Test
    void shouldRepublishEachRecordAsTheRecordedEvent()
    {
        final List<Event> written = new ArrayList<>();
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).open())
        {
            for (int i = 1; i <= 6; i++)
            {
                final Event e = new Event(i, 1_000_000L * i, Channel.values()[i], i * 11, IntValue.of(i * 100), "o" + i
                    + "/");
                written.add(e);
                journal.append(e);
            }
        }
        final List<Event> republished = new ArrayList<>();
        final RepublishSink sink = new RepublishSink(INTEGERS, e ->
        {
            republished.add(e);
            return e.sequence();
        });
        try (JournalReader reader = JournalReader.open(dir))
        {
            final ReplayProgress progress = new Replay(reader, ReplayRequest.ALL).run(sink);
            assertEquals(ReplayProgress.State.DONE, progress.state());
        }
        assertEquals(written, republished);
        assertEquals(6, sink.published());
        assertEquals("", sink.firstProblem());
    }

    @Test
    void shouldCountUnreadablePayloadsAndRefusedEvents()
    {
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).open())
        {
            journal.append(new Event(1, 1, Channel.A, 1, IntValue.of(1), ""));
            journal.append(new Event(2, 2, Channel.A, 1, new StrValue("text"), ""));
            journal.append(new Event(3, 3, Channel.A, 1, IntValue.of(3), ""));
            journal.append(new Event(4, 4, Channel.A, 1, IntValue.of(4), ""));
        }
        final RepublishSink sink = new RepublishSink(INTEGERS, e -> e.sequence() == 3 ? -1 : e.sequence());
        try (JournalReader reader = JournalReader.open(dir))
        {
            new Replay(reader, ReplayRequest.ALL).run(sink);
        }
        assertEquals(2, sink.published());
        assertEquals(1, sink.unreadable());
        assertEquals(1, sink.refused());
        assertTrue(sink.firstProblem().contains("does not read back") && sink.firstProblem().contains("\"text\""),
            sink.firstProblem());
    }
}
