package dev.sxs.entity;

import java.util.Locale;

import dev.sxs.events.Channel;

/**
 * A grant on a range of topics of one channel, or of every channel. Written {@code CHANNEL:TOPICS} where
 * CHANNEL is {@code A}..{@code F} or {@code *} and TOPICS is {@code N}, {@code LO-HI} or {@code *}, e.g.
 * {@code A:100-199}, {@code *:7}, {@code B:*}, {@code *} (every topic of every channel). Immutable.
 *
 * @param channel   the channel, or null for every channel.
 * @param low       the lowest topic covered, 0..65535.
 * @param high      the highest topic covered, low..65535.
 * @param publish   may publish ({@code P}).
 * @param subscribe may subscribe and await ({@code S}).
 */
public record EventGrant(Channel channel, int low, int high, boolean publish, boolean subscribe)
{
    /** Checks the range and that something is granted. */
    public EventGrant
    {
        if (channel == Channel.EXEC)
        {
            throw new IllegalArgumentException("the execution channel takes scripts only; grant A..F or *");
        }
        if (low < Channel.MIN_TOPIC || high > Channel.MAX_TOPIC || low > high)
        {
            throw new IllegalArgumentException("topics must be a range within 0..65535, got " + low + "-" + high);
        }
        if (!publish && !subscribe)
        {
            throw new IllegalArgumentException("an event grant needs P, S or PS");
        }
    }

    /**
     * @param rights {@code P}, {@code S} or {@code PS}.
     * @param target {@code CHANNEL:TOPICS}, see the type's description.
     * @return the grant.
     * @throws IllegalArgumentException when either does not read.
     */
    public static EventGrant parse(final String rights, final String target)
    {
        final String r = rights == null ? "" : rights.strip().toUpperCase(Locale.ROOT);
        if (!r.matches("P|S|PS|SP"))
        {
            throw new IllegalArgumentException("event rights must be P, S or PS, got '" + rights + "'");
        }
        final String t = target == null ? "" : target.strip();
        final int colon = t.indexOf(':');
        final String channelText = colon < 0 ? t : t.substring(0, colon);
        final String topics = colon < 0 ? "*" : t.substring(colon + 1);
        final Channel channel;
        if ("*".equals(channelText))
        {
            channel = null;
        }
        else
        {
            channel = Channel.byName(channelText);
            if (channel == null || channel == Channel.EXEC)
            {
                throw new IllegalArgumentException("channel must be A..F or *, got '" + channelText + "'");
            }
        }
        final int dash = topics.indexOf('-');
        try
        {
            if ("*".equals(topics))
            {
                return new EventGrant(channel, Channel.MIN_TOPIC, Channel.MAX_TOPIC, r.indexOf('P') >= 0,
                    r.indexOf('S') >= 0);
            }
            final int low = Integer.parseInt(dash < 0 ? topics : topics.substring(0, dash));
            final int high = dash < 0 ? low : Integer.parseInt(topics.substring(dash + 1));
            return new EventGrant(channel, low, high, r.indexOf('P') >= 0, r.indexOf('S') >= 0);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("topics must be N, LO-HI or *, got '" + topics + "'", ex);
        }
    }

    /**
     * @param on    the channel.
     * @param topic the topic.
     * @return true when this grant covers them. Allocation: none.
     */
    public boolean covers(final Channel on, final int topic)
    {
        return (channel == null || channel == on) && topic >= low && topic <= high;
    }

    /** @return the target as written: {@code A:1-9}, {@code *:*}. */
    public String target()
    {
        final String topics = low == Channel.MIN_TOPIC && high == Channel.MAX_TOPIC ? "*"
            : low == high ? Integer.toString(low) : low + "-" + high;
        return (channel == null ? "*" : channel.label()) + ":" + topics;
    }

    /** @return {@code PS A:1-9}. */
    @Override
    public String toString()
    {
        return (publish ? "P" : "") + (subscribe ? "S" : "") + " " + target();
    }
}
