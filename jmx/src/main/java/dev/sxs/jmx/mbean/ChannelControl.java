package dev.sxs.jmx.mbean;

import dev.sxs.events.Channel;
import dev.sxs.jmx.access.ChannelAccess;
import dev.sxs.jmx.access.ChannelCounters;
import dev.sxs.jmx.remote.CurrentSubject;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.Printer;
import dev.sxs.session.Principal;

import java.util.Map;

/**
 * The {@link ChannelMXBean} of one channel. Each attribute read takes a fresh counter snapshot.
 * {@code publish} goes to the runtime's gateway as a submission of the calling JMX principal (which audits
 * it); bad input gives an error value, never an exception. Thread-safe; holds no state of its own.
 */
public final class ChannelControl implements ChannelMXBean
{
    private final Channel channel;
    private final ChannelAccess channels;

    /**
     * @param channel  the channel.
     * @param channels the dispatcher view.
     */
    public ChannelControl(final Channel channel, final ChannelAccess channels)
    {
        this.channel = channel;
        this.channels = channels;
    }

    @Override
    public String getName()
    {
        return channel.label();
    }

    @Override
    public long getPublished()
    {
        return counters().published();
    }

    @Override
    public long getDelivered()
    {
        return counters().delivered();
    }

    @Override
    public long getDiscarded()
    {
        return counters().discarded();
    }

    @Override
    public long getHandlerErrors()
    {
        return counters().handlerErrors();
    }

    @Override
    public long getSuppressed()
    {
        return counters().suppressed();
    }

    @Override
    public long getRejected()
    {
        return counters().rejected();
    }

    @Override
    public long getTooDeep()
    {
        return counters().tooDeep();
    }

    @Override
    public long getQueueDepth()
    {
        return counters().queueDepth();
    }

    @Override
    public Map<Integer, Integer> getActiveTopics()
    {
        return channels.topics(channel);
    }

    @Override
    public String publish(final int topic, final String payload)
    {
        return publish(topic, payload, null);
    }

    /**
     * {@link #publish(int, String)} into a scope (the Runtime MBean's {@code publishIn}).
     *
     * @param topic   the topic.
     * @param payload the payload in sxs syntax.
     * @param scope   the scope ("" for root), or null for the configured default scope.
     * @return the printed result.
     */
    public String publish(final int topic, final String payload, final String scope)
    {
        if (channel == Channel.EXEC)
        {
            return error("publish: bad channel 'exec' (expected A..F; run scripts with eval)");
        }
        if (!Channel.isValidTopic(topic))
        {
            return error("publish: topic " + topic + " out of range 0..65535");
        }
        if (payload == null || payload.isBlank())
        {
            return error("publish: payload is empty (expected one sxs form, e.g. 42 or \"text\")");
        }
        return channels.publish(Principal.jmx(CurrentSubject.who()), channel, topic, payload, scope);
    }

    @Override
    public int[] topics()
    {
        return channels.topics(channel).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static String error(final String message)
    {
        return Printer.print(new ErrorValue(message));
    }

    private ChannelCounters counters()
    {
        return channels.counters(channel);
    }
}
