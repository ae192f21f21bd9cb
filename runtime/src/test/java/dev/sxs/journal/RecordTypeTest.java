package dev.sxs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.StrValue;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journal records carry their type; journals written before types existed read with the type inferred. */
class RecordTypeTest
{
    @TempDir
    Path dir;

    @Test
    void shouldKeepTheTypeOfEveryRecord()
    {
        final Path folder = dir.resolve("journal");
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            journal.append(new Event(1, 1, Channel.A, 7, IntValue.of(1), ""));
            journal.append(new Event(2, 2, Channel.EXEC, 0, new StrValue("(core/kv/incr n)"), ""));
            journal.append(new Event(0, 3, Channel.EXEC, 9, new StrValue("(audit \"local\" \"Store.set\" \"k 1\")"),
                "x"), RecordType.AUDIT);
        }
        try (JournalReader reader = JournalReader.open(folder))
        {
            assertEquals(List.of(RecordType.EVENT, RecordType.SCRIPT, RecordType.AUDIT),
                CollectingSink.readAll(reader).stream().map(JournalRecord::type).toList());
        }
    }

    @Test
    void shouldReadFormatOneRecordsWithTheirTypeInferred()
    {
        final Path folder = dir.resolve("old");
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(folder).build();
             ExcerptAppender appender = queue.createAppender())
        {
            writeFormatOne(appender, Channel.B, 3, 1, "42", "");
            writeFormatOne(appender, Channel.EXEC, 0, 2, "\"(core/kv/incr n)\"", "");
            writeFormatOne(appender, Channel.EXEC, RecordType.AUDIT_TOPIC, 0, "(audit \"local\" \"Runtime.stop\" \"\")",
                RecordType.AUDIT_ORIGIN);
        }
        try (JournalReader reader = JournalReader.open(folder))
        {
            final List<JournalRecord> records = CollectingSink.readAll(reader);
            assertEquals(List.of(RecordType.EVENT, RecordType.SCRIPT, RecordType.AUDIT),
                records.stream().map(JournalRecord::type).toList());
            assertEquals("42", records.get(0).payload());
        }
    }

    @Test
    void shouldRepublishEventsAndScriptsButNeverAuditRecords()
    {
        final Path folder = dir.resolve("journal");
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            journal.append(new Event(1, 1, Channel.A, 7, IntValue.of(1), ""));
            journal.append(new Event(0, 2, Channel.EXEC, 65535, new StrValue("(audit)"), "sxs:audit"),
                RecordType.AUDIT);
            journal.append(new Event(2, 3, Channel.EXEC, 0, new StrValue("1"), ""));
        }
        final List<Event> republished = new java.util.ArrayList<>();
        try (JournalReader reader = JournalReader.open(folder))
        {
            final RepublishSink sink = new RepublishSink(PayloadCodec.PLAIN_TEXT, e ->
            {
                republished.add(e);
                return e.sequence();
            });
            new Replay(reader, ReplayRequest.ALL).run(sink);
            assertEquals(1, sink.skipped());
            assertEquals(2, sink.published());
        }
        assertEquals(List.of(Channel.A, Channel.EXEC), republished.stream().map(Event::channel).toList());
    }

    @Test
    void shouldNameAndParseTypes()
    {
        assertEquals(RecordType.SCRIPT, RecordType.parse(" Script"));
        assertNull(RecordType.parse("events"));
        assertEquals(RecordType.AUDIT, RecordType.ofCode(2));
        assertNull(RecordType.ofCode(3));
        assertEquals(RecordType.EVENT, RecordType.of(Channel.F));
    }

    private static void writeFormatOne(final ExcerptAppender appender, final Channel channel, final int topic,
        final long sequence, final String payload, final String origin)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            final Bytes<?> out = dc.wire().bytes();
            out.writeByte((byte)JournalFormat.VERSION_UNTYPED);
            out.writeByte((byte)channel.ordinal());
            out.writeUnsignedShort(topic);
            out.writeLong(sequence);
            out.writeLong(1_764_000_000_000_000_000L + sequence);
            out.writeUtf8(payload);
            out.writeUtf8(origin);
        }
    }
}
