package dev.sxs.journal;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary layout of one journal record, written raw into a Chronicle Queue excerpt (no self-describing
 * wire, for speed):
 * <pre>
 *   byte    format version ({@link #VERSION})
 *   byte    record type ({@link RecordType#code()}: event=0, script=1, audit=2)
 *   byte    channel (ordinal of {@link Channel}: exec=0, A=1 .. F=6)
 *   u16     topic (0..65535)
 *   int64   sequence number
 *   int64   publication time, nanoseconds since the epoch (UTC)
 *   utf8    payload in canonical printed form (stop-bit length, then UTF-8 bytes)
 *   utf8    origin: the scope of the publishing session (same encoding)
 *   stopbit causal depth of the event (optional: absent in records written before it, read as 0; readers
 *           that predate it ignore it, so the format version stays 2)
 * </pre>
 * Format 1 (before record types) had no type byte; it is still read, its type inferred
 * ({@link RecordType#inferred}). Stateless and thread-safe; allocation-free apart from what the caller passes.
 */
public final class JournalFormat
{
    /** The record format version written by this build. */
    public static final int VERSION = 2;
    /** The first format, without the record type byte; still read. */
    public static final int VERSION_UNTYPED = 1;

    private static final Channel[] CHANNELS = Channel.values();

    private JournalFormat()
    {
    }

    /**
     * Write one record of the type its channel gives ({@link RecordType#of}).
     *
     * @param event   the event.
     * @param payload the event's payload in canonical printed form.
     * @param out     where to write (an excerpt being appended).
     */
    public static void write(final Event event, final CharSequence payload, final Bytes<?> out)
    {
        write(event, RecordType.of(event.channel()), payload, out);
    }

    /**
     * Write one record.
     *
     * @param event   the event.
     * @param type    the record type.
     * @param payload the event's payload in canonical printed form.
     * @param out     where to write (an excerpt being appended).
     */
    public static void write(final Event event, final RecordType type, final CharSequence payload, final Bytes<?> out)
    {
        write(event, type, payload, event.timestampNanos(), out);
    }

    /**
     * Write one record stamped with the given time instead of the event's (the journal keeps times from
     * going backwards in index order).
     *
     * @param event     the event.
     * @param type      the record type.
     * @param payload   the event's payload in canonical printed form.
     * @param timeNanos the time to record, nanoseconds since the epoch.
     * @param out       where to write (an excerpt being appended).
     */
    public static void write(final Event event, final RecordType type, final CharSequence payload,
        final long timeNanos, final Bytes<?> out)
    {
        writeHeader(event, type, timeNanos, out);
        out.writeUtf8(payload);
        out.writeUtf8(event.origin() == null ? "" : event.origin());
        out.writeStopBit(event.depth());
    }

    /**
     * Write one record whose payload and origin are already UTF-8 in a buffer (the payload's bytes first, then
     * the origin's): the same bytes as {@link #write(Event, RecordType, CharSequence, long, Bytes)} with the
     * printed payload, written as two bulk copies instead of a character at a time.
     *
     * @param event        the event (its origin is in {@code text}).
     * @param type         the record type.
     * @param text         the payload's text, then the origin's.
     * @param payloadBytes how many of the buffer's bytes are the payload's.
     * @param timeNanos    the time to record, nanoseconds since the epoch.
     * @param out          where to write (an excerpt being appended).
     */
    public static void write(final Event event, final RecordType type, final PayloadBuffer text,
        final int payloadBytes, final long timeNanos, final Bytes<?> out)
    {
        writeHeader(event, type, timeNanos, out);
        out.writeStopBit(payloadBytes);
        out.write(text.array(), 0, payloadBytes);
        out.writeStopBit(text.length() - payloadBytes);
        out.write(text.array(), payloadBytes, text.length() - payloadBytes);
        out.writeStopBit(event.depth());
    }

    /**
     * Read the fixed-size header of a record (version, type, channel, topic, sequence, time) into an entry
     * (the type of a format-1 record is known only after {@link #readBody}),
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
        if (version != VERSION && version != VERSION_UNTYPED)
        {
            throw new JournalException("journal record at index " + index + " has unknown format version " + version
                + " (this build reads versions " + VERSION_UNTYPED + " and " + VERSION + ")");
        }
        RecordType type = null;
        if (version == VERSION)
        {
            final int code = in.readUnsignedByte();
            type = RecordType.ofCode(code);
            if (type == null)
            {
                throw new JournalException("journal record at index " + index + " has unknown record type " + code);
            }
        }
        final int channel = in.readUnsignedByte();
        if (channel >= CHANNELS.length)
        {
            throw new JournalException("journal record at index " + index + " has unknown channel number " + channel);
        }
        entry.header(index, CHANNELS[channel], in.readUnsignedShort(), in.readLong(), in.readLong());
        entry.type(type);
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
        entry.depth(in.readRemaining() > 0 ? (int)in.readStopBit() : 0);
        if (entry.type() == null)
        {
            entry.type(RecordType.inferred(entry.channel(), entry.topic(), origin));
        }
    }

    /** The fields every record starts with, before its payload. */
    private static void writeHeader(final Event event, final RecordType type, final long timeNanos,
        final Bytes<?> out)
    {
        out.writeByte((byte)VERSION);
        out.writeByte((byte)type.code());
        out.writeByte((byte)event.channel().ordinal());
        out.writeUnsignedShort(event.topic());
        out.writeLong(event.sequence());
        out.writeLong(timeNanos);
    }
}
