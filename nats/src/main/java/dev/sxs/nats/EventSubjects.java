package dev.sxs.nats;

import dev.sxs.events.Channel;

/**
 * The subjects events travel on: {@code sxs.<scope>.<channel>.<topic>}, the scope through {@link KeyCodec} (the
 * root scope is {@code =}), the channel's name ({@code A}..{@code F}), the topic in decimal. Stateless.
 */
final class EventSubjects
{
    /** The subjects' first token. */
    static final String PREFIX = "sxs";
    /** Every event subject. */
    static final String ALL = PREFIX + ".>";

    private EventSubjects()
    {
    }

    /**
     * Where an event's subject says it comes from.
     *
     * @param scope   the publisher's scope.
     * @param channel the channel.
     * @param topic   the topic.
     */
    record Address(String scope, Channel channel, int topic)
    {
    }

    /**
     * @param scope   the publisher's scope.
     * @param channel the channel.
     * @param topic   the topic.
     * @return the event's subject.
     */
    static String subject(final String scope, final Channel channel, final int topic)
    {
        return PREFIX + "." + KeyCodec.encode(scope) + "." + channel.name() + "." + topic;
    }

    /**
     * @param scope   a scope, or null for any.
     * @param channel a channel, or null for any.
     * @param topic   a topic, or a negative number for any.
     * @return the subject filter that matches those events.
     */
    static String filter(final String scope, final Channel channel, final int topic)
    {
        return PREFIX + "." + (scope == null ? "*" : KeyCodec.encode(scope)) + "."
            + (channel == null ? "*" : channel.name()) + "." + (topic < 0 ? "*" : Integer.toString(topic));
    }

    /**
     * @param subject a subject.
     * @return where it says the event comes from.
     * @throws IllegalArgumentException when it is not an event subject of channels A..F.
     */
    static Address parse(final String subject)
    {
        final String[] tokens = subject.split("\\.");
        final String scope = tokens.length == 4 && PREFIX.equals(tokens[0]) ? KeyCodec.decode(tokens[1]) : null;
        final Channel channel = scope == null ? null : Channel.valueOf(tokens[2]);
        if (channel == null || channel == Channel.EXEC || !Channel.isValidTopic(Integer.parseInt(tokens[3])))
        {
            throw new IllegalArgumentException("not an sxs event subject: " + subject);
        }
        return new Address(scope, channel, Integer.parseInt(tokens[3]));
    }
}
