package dev.sxs.journal;

import dev.sxs.events.Event;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Turns an event into its journal record in two steps, so the journal can check the free space for exactly
 * the record's size before it touches the mapped file: {@link #encode} prints the payload (through the
 * {@link PayloadCodec}) and the origin into a reusable {@link PayloadBuffer} and gives the record's size;
 * {@link #write} then copies it into the excerpt ({@link JournalFormat}, version 2, unchanged).
 * <p>
 * Threading: one writer per journal, used under its append lock. Allocation: none once the buffer has grown,
 * when the codec prints straight into it.
 */
final class RecordWriter
{
    /** Bytes of a record besides its payload and origin text: header, two lengths, depth, excerpt header. */
    static final int OVERHEAD_BYTES = 40;

    private final PayloadCodec codec;
    private final PayloadBuffer text = new PayloadBuffer();
    private int payloadBytes;

    RecordWriter(final PayloadCodec codec)
    {
        this.codec = codec;
    }

    /**
     * Print an event's payload and origin into the buffer.
     *
     * @param event the event.
     * @return about the bytes its record takes in the journal file (never fewer).
     */
    int encode(final Event event)
    {
        text.clear();
        codec.encode(event.payload(), text);
        payloadBytes = text.length();
        if (event.origin() != null)
        {
            text.utf8(event.origin());
        }
        return text.length() + OVERHEAD_BYTES;
    }

    /**
     * Write the record of the event last {@link #encode encoded}.
     *
     * @param event     that event.
     * @param type      the record type.
     * @param timeNanos the time to record.
     * @param out       the excerpt being appended.
     */
    void write(final Event event, final RecordType type, final long timeNanos, final Bytes<?> out)
    {
        JournalFormat.write(event, type, text, payloadBytes, timeNanos, out);
    }
}
