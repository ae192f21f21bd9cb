package dev.sxs.journal;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary layout of one journal record, written raw into a Chronicle Queue excerpt (no self-describing
 * wire, for speed):
 * <pre>
 *   byte    format version ({@link #VERSION})
 *   byte    channel (ordinal of {@link Channel}: exec=0, A=1 .. F=6)
 *   u16     topic (0..65535)
 *   int64   sequence number
 *   int64   publication time, nanoseconds since the epoch (UTC)
 *   utf8    payload in canonical printed form (stop-bit length, then UTF-8 bytes)
 *   utf8    origin: the scope of the publishing session (same encoding)
 * </pre>
 * Stateless and thread-safe; allocation-free apart from what the caller passes.
 */
public final class JournalFormat
{
    /** The record format version written by this build. */
    public static final int VERSION = 1;

    private static final Channel[] CHANNELS = Channel.values();

    private JournalFormat()
    {
    }

    /**
     * Write one record.
     *
     * @param event   the event.
     * @param payload the event's payload in canonical printed form.
     * @param out     where to write (an excerpt being appended).
     */
    public static void write(final Event event, final CharSequence payload, final Bytes<?> out)
    {
        out.writeByte((byte)VERSION);
        out.writeByte((byte)event.channel().ordinal());
        out.writeUnsignedShort(event.topic());
        out.writeLong(event.sequence());
        out.writeLong(event.timestampNanos());
        out.writeUtf8(payload);
        out.writeUtf8(event.origin() == null ? "" : event.origin());
    }

    /**
     * Read the fixed-size header of a record (version, channel, topic, sequence, time) into an entry,
     * leaving the payload and origin unread so a filter can skip them cheaply.
     *
     * @param index the record's queue index.
     * @param in    the excerpt, positioned at its start.
     * @param entry where to put the fields.
     * @throws JournalException when the record has an unknown version or channel.
     */
    public static void readHeader(final long index, final Bytes<?> in, final JournalEntry entry)
    {
        final int version = in.readUnsignedByte();
        if (version != VERSION)
        {
            throw new JournalException("journal record at index " + index + " has unknown format version " + version
                + " (this build reads version " + VERSION + ")");
        }
        final int channel = in.readUnsignedByte();
        if (channel >= CHANNELS.length)
        {
            throw new JournalException("journal record at index " + index + " has unknown channel number " + channel);
        }
        entry.header(index, CHANNELS[channel], in.readUnsignedShort(), in.readLong(), in.readLong());
    }

    /**
     * Read the payload and origin of a record whose header was read by {@link #readHeader}.
     *
     * @param in    the excerpt, positioned after the header.
     * @param entry where to put the text (reusing its buffers).
     */
    public static void readBody(final Bytes<?> in, final JournalEntry entry)
    {
        final StringBuilder payload = entry.payloadBuffer();
        payload.setLength(0);
        in.readUtf8(payload);
        final StringBuilder origin = entry.originBuffer();
        origin.setLength(0);
        in.readUtf8(origin);
    }
}
