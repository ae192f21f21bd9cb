package dev.sxs.journal;

import java.util.Locale;

import dev.sxs.events.Channel;

/**
 * What a journal record is: an {@link #EVENT} published on a channel A..F, a {@link #SCRIPT} submitted on
 * the execution channel, or an {@link #AUDIT} record of a management action (appended straight to the
 * journal, never dispatched). A replay re-publishes events and scripts (the dispatcher accepted them),
 * never audit records.
 */
public enum RecordType
{
    /** An event published on a channel A..F. */
    EVENT,
    /** A script submitted on the execution channel. */
    SCRIPT,
    /** An audit record of a management action. */
    AUDIT;

    /** Topic of audit records on the execution channel (how format-1 journals marked them). */
    public static final int AUDIT_TOPIC = 65535;
    /** Origin of audit records (how format-1 journals marked them). */
    public static final String AUDIT_ORIGIN = "sxs:audit";

    private static final RecordType[] CODES = values();

    /** @return the byte written in a record: its ordinal. */
    public int code()
    {
        return ordinal();
    }

    /**
     * @param code a record's type byte.
     * @return the type, or null for an unknown code.
     */
    public static RecordType ofCode(final int code)
    {
        return code >= 0 && code < CODES.length ? CODES[code] : null;
    }

    /**
     * @param channel the channel of an accepted event.
     * @return {@link #SCRIPT} for the execution channel, else {@link #EVENT}.
     */
    public static RecordType of(final Channel channel)
    {
        return channel == Channel.EXEC ? SCRIPT : EVENT;
    }

    /**
     * The type of a format-1 record, which had no type byte: audit records were execution-channel records
     * on topic {@link #AUDIT_TOPIC} with origin {@link #AUDIT_ORIGIN}.
     *
     * @param channel the channel.
     * @param topic   the topic.
     * @param origin  the origin.
     * @return the type.
     */
    public static RecordType inferred(final Channel channel, final int topic, final CharSequence origin)
    {
        if (channel == Channel.EXEC && topic == AUDIT_TOPIC && AUDIT_ORIGIN.contentEquals(origin))
        {
            return AUDIT;
        }
        return of(channel);
    }

    /** @return the lower-case name, as {@code sxs replay --type} takes it. */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code event}, {@code script} or {@code audit}, any case.
     * @return the type, or null when unknown.
     */
    public static RecordType parse(final String text)
    {
        for (final RecordType t : CODES)
        {
            if (t.label().equalsIgnoreCase(text == null ? "" : text.trim()))
            {
                return t;
            }
        }
        return null;
    }
}
