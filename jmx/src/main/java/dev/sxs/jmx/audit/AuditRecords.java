package dev.sxs.jmx.audit;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;

import java.util.List;

/**
 * The shape of audit records in the journal. An audit record is a journal record with
 * <ul>
 *   <li>channel {@code exec}, topic {@link #TOPIC} (65535), origin {@link #ORIGIN} ({@code sxs:audit}),
 *       sequence 0 (it is not a published event and has no place in the publish order);</li>
 *   <li>time: when the action was requested;</li>
 *   <li>payload: {@code (audit "WHO" "OPERATION" "DETAIL")}, e.g.
 *       {@code (audit "admin" "Store.set" "user:1 \"Alice\"")}.</li>
 * </ul>
 * It is appended straight to the journal, never dispatched, so no processor runs it; a re-publishing
 * replay started over JMX skips it; {@code sxs replay DIR --channel exec --topic 65535} prints the
 * audit trail. Stateless.
 */
public final class AuditRecords
{
    /** The reserved execution-channel topic of audit records. */
    public static final int TOPIC = 65535;
    /** Origin of audit records. */
    public static final String ORIGIN = "sxs:audit";
    /** Head symbol of the payload. */
    public static final SymValue HEAD = new SymValue("audit");

    private AuditRecords()
    {
    }

    /**
     * @param timestampNanos when, epoch nanoseconds.
     * @param who            the principal or {@code local}.
     * @param operation      e.g. {@code Store.set}.
     * @param detail         the arguments.
     * @return the record as an event.
     */
    public static Event event(final long timestampNanos, final String who, final String operation, final String detail)
    {
        final ListValue payload = new ListValue(ListKind.CALL,
            List.of(HEAD, new StrValue(who), new StrValue(operation), new StrValue(detail)));
        return new Event(0, timestampNanos, Channel.EXEC, TOPIC, payload, ORIGIN);
    }

    /**
     * @param channel the record's channel.
     * @param topic   its topic.
     * @param origin  its origin.
     * @return true for an audit record.
     */
    public static boolean isAudit(final Channel channel, final int topic, final CharSequence origin)
    {
        return channel == Channel.EXEC && topic == TOPIC && ORIGIN.contentEquals(origin);
    }
}
