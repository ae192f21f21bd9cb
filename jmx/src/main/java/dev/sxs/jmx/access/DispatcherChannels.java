package dev.sxs.jmx.access;

import dev.sxs.events.Channel;
import dev.sxs.events.ChannelStats;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.Publication;
import dev.sxs.gateway.EventSubmission;
import dev.sxs.gateway.Gateway;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.ReadResult;
import dev.sxs.lang.Reader;
import dev.sxs.lang.Value;
import dev.sxs.session.Principal;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@link ChannelAccess} over the live {@link Dispatcher}: counters are its {@link ChannelStats}
 * snapshots (handlers counted over all scopes); {@code publish} hands the payload to the runtime's
 * {@link Gateway} in the scope asked for, the configured default scope when none is named, and throws
 * when the gateway refuses it. {@link #readPayload} reads a payload given in sxs syntax. Thread-safe.
 */
public final class DispatcherChannels implements ChannelAccess
{
    private final Dispatcher dispatcher;
    private final Gateway gateway;

    /**
     * Counters only: {@code publish} answers that publishing is not available (metrics use this).
     *
     * @param dispatcher the dispatcher.
     */
    public DispatcherChannels(final Dispatcher dispatcher)
    {
        this(dispatcher, null);
    }

    /**
     * @param dispatcher the dispatcher.
     * @param gateway    where publications go; null for none.
     */
    public DispatcherChannels(final Dispatcher dispatcher, final Gateway gateway)
    {
        this.dispatcher = dispatcher;
        this.gateway = gateway;
    }

    @Override
    public ChannelCounters counters(final Channel channel)
    {
        final ChannelStats s = dispatcher.stats(channel);
        return new ChannelCounters(s.published(), s.delivered(), s.discarded(), s.handlerErrors(), s.suppressed(),
            s.rejected(), s.queueDepth(), s.subscriptions(), s.tooDeep());
    }

    @Override
    public Map<Integer, Integer> topics(final Channel channel)
    {
        return new TreeMap<>(dispatcher.topics(channel));
    }

    @Override
    public Map<String, Long> distinctErrors()
    {
        return dispatcher.distinctErrors();
    }

    @Override
    public void publish(final Principal who, final Channel channel, final int topic, final Value payload,
        final String scope)
    {
        if (gateway == null)
        {
            throw new IllegalStateException("publish: not available here");
        }
        final long result = gateway.publish(new EventSubmission(channel, topic, payload, who,
            "Channel." + channel.label() + ".publish", scope));
        // a DISCARD_NEWEST drop is accepted, as the language's pub answers (docs/events.md)
        if (!Publication.isAccepted(result) && result != Publication.DISCARDED)
        {
            throw new IllegalStateException("publish " + channel.label() + " " + topic + ": "
                + Gateway.describe(result));
        }
    }

    /**
     * Read one sxs form given over JMX.
     *
     * @param operation the operation, for the message.
     * @param text      the text.
     * @return the value, or an error value naming the operation and what was wrong: a read error
     *         ({@code publish: payload: read error at 1:1: ...}), not exactly one form, or an error literal.
     */
    public static Value readPayload(final String operation, final String text)
    {
        final ReadResult read = Reader.read(text == null ? "" : text);
        if (!read.ok())
        {
            return new ErrorValue(operation + ": payload: " + read.error().message());
        }
        if (read.forms().size() != 1)
        {
            return new ErrorValue(operation + ": payload must be exactly one value, got " + read.forms().size());
        }
        final Value value = read.forms().get(0);
        if (value instanceof ErrorValue e)
        {
            return new ErrorValue(operation + ": an error value cannot be stored or published: " + Printer.print(e));
        }
        return value;
    }
}
