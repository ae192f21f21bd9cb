package dev.sxs.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.RealValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.runtime.ValuePayloadCodec;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record printed straight into the journal's buffer is byte for byte the format-2 record of the printed
 * payload (so every reader and printer reads it as before), and an append allocates nothing.
 */
class RecordWriterTest
{
    private static final long T0 = 1_764_000_000_123_456_789L;

    @TempDir
    Path dir;

    private static byte[] bytesOf(final Bytes<?> bytes)
    {
        final byte[] copy = new byte[(int)bytes.readRemaining()];
        bytes.read(copy);
        return copy;
    }

    @Test
    void shouldWriteTheSameBytesAsTheFormatWithThePrintedPayload()
    {
        final String longText = "x".repeat(300) + "é中\uD83D\uDE00";
        final List<Value> payloads = List.of(IntValue.of(-7), new StrValue("héllo \"q\"\nline"),
            new StrValue(longText), new ListValue(ListKind.CALL, List.of(new SymValue("order"), IntValue.of(42),
                new StrValue("EUR"), new RealValue(12.5), SymValue.TRUE)), new RealValue(Math.PI));
        final List<String> origins = List.of("", "shop/", "ünï/", "o".repeat(200));
        final RecordWriter writer = new RecordWriter(ValuePayloadCodec.INSTANCE);
        long sequence = 1;
        for (final Value payload : payloads)
        {
            for (final String origin : origins)
            {
                final Event event = new Event(sequence++, T0, Channel.B, 65535, payload, origin, 3);
                final Bytes<?> expected = Bytes.allocateElasticOnHeap(64);
                JournalFormat.write(event, RecordType.EVENT, Printer.print(payload), T0 + 1, expected);
                final Bytes<?> written = Bytes.allocateElasticOnHeap(64);
                final int size = writer.encode(event);
                writer.write(event, RecordType.EVENT, T0 + 1, written);
                final byte[] want = bytesOf(expected);
                assertArrayEquals(want, bytesOf(written), "record of " + Printer.print(payload) + " from " + origin);
                assertTrue(size >= want.length, size + " bytes reserved for a record of " + want.length);

                written.readPosition(0);
                final JournalEntry entry = new JournalEntry();
                JournalFormat.readHeader(1, written, entry);
                JournalFormat.readBody(written, entry);
                assertEquals(Printer.print(payload), entry.payloadBuffer().toString());
                assertEquals(origin, entry.originBuffer().toString());
                assertEquals(3, entry.depth());
            }
        }
    }

    @Test
    void shouldAppendWithoutAllocating()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final Value payload = new ListValue(ListKind.CALL, List.of(new SymValue("order"), IntValue.of(42),
            new StrValue("EUR"), new RealValue(12.5), SymValue.TRUE));
        final int appends = 20_000;
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).payloadCodec(ValuePayloadCodec.INSTANCE)
            .open())
        {
            final Event event = new Event(1, T0, Channel.A, 7, payload, "shop/");
            for (int i = 0; i < appends; i++)
            {
                journal.append(event);
            }
            final long thread = Thread.currentThread().getId();
            final long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < appends; i++)
            {
                journal.append(event);
            }
            final long perAppend = (threads.getThreadAllocatedBytes(thread) - before) / appends;
            assertTrue(perAppend < 8, perAppend + " bytes allocated per append");
        }
    }
}
