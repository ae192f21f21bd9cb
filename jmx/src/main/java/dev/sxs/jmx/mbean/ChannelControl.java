package dev.sxs.jmx.mbean;

import dev.sxs.events.Channel;
import dev.sxs.jmx.access.ChannelAccess;
import dev.sxs.jmx.access.ChannelCounters;
import dev.sxs.jmx.access.DispatcherChannels;
import dev.sxs.jmx.remote.CurrentSubject;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import dev.sxs.session.Principal;

import java.util.Map;

/**
 * The {@link ChannelMXBean} of one channel. Each attribute read takes a fresh counter snapshot.
 * {@code publish} (sxs syntax) and {@code publishString} (plain text) go to the runtime's gateway as a
 * submission of the calling JMX principal (which audits it); bad input throws an
 * {@link IllegalArgumentException}, a refusal of the runtime an {@link IllegalStateException}, each with
 * sxs's message ({@link Failures}). Thread-safe; holds no state of its own.
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
    public boolean publish(final int topic, final String payload)
    {
        return publish(topic, payload, null);
    }

    @Override
    public boolean publishString(final int topic, final String text)
    {
        return publishString(topic, text, null);
    }

    /**
     * {@link #publish(int, String)} into a scope (the Runtime MBean's {@code publishIn}).
     *
     * @param topic   the topic.
     * @param payload the payload in sxs syntax.
     * @param scope   the scope ("" for root), or null for the configured default scope.
     * @return true.
     * @throws IllegalArgumentException for a bad channel, topic or payload.
     * @throws IllegalStateException    when the runtime refuses the event.
     */
    public boolean publish(final int topic, final String payload, final String scope)
    {
        check("publish", topic);
        if (payload == null || payload.isBlank())
        {
            throw Failures.badArgument("publish: payload is empty (expected one sxs form, e.g. 42 or \"text\"; "
                + "publishString takes plain text)");
        }
        final Value value = DispatcherChannels.readPayload("publish", payload);
        if (value instanceof ErrorValue e)
        {
            throw Failures.badArgument(e.message());
        }
        channels.publish(Principal.jmx(CurrentSubject.who()), channel, topic, value, scope);
        return true;
    }

    /**
     * {@link #publishString(int, String)} into a scope.
     *
     * @param topic the topic.
     * @param text  the text, published as a string.
     * @param scope the scope ("" for root), or null for the configured default scope.
     * @return true.
     * @throws IllegalArgumentException for a bad channel or topic, or no text.
     * @throws IllegalStateException    when the runtime refuses the event.
     */
    public boolean publishString(final int topic, final String text, final String scope)
    {
        check("publishString", topic);
        if (text == null)
        {
            throw Failures.badArgument("publishString: text is null");
        }
        channels.publish(Principal.jmx(CurrentSubject.who()), channel, topic, new StrValue(text), scope);
        return true;
    }

    private void check(final String operation, final int topic)
    {
        if (channel == Channel.EXEC)
        {
            throw Failures.badArgument(operation + ": bad channel 'exec' (expected A..F; run scripts with eval)");
        }
        if (!Channel.isValidTopic(topic))
        {
            throw Failures.badArgument(operation + ": topic " + topic + " out of range 0..65535");
        }
    }

    @Override
    public int[] topics()
    {
        return channels.topics(channel).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private ChannelCounters counters()
    {
        return channels.counters(channel);
    }
}
