package dev.sxs.session;

import dev.sxs.events.Channel;

/**
 * One handler a session registered, as operators see it. Immutable.
 *
 * @param sessionId the owning session's id.
 * @param channel   the channel.
 * @param topic     the topic.
 * @param origin    the way in of the session that registered it.
 * @param body      the first line of the handler's body (at most {@link #MAX_BODY_CHARS} characters).
 */
public record HandlerInfo(long sessionId, Channel channel, int topic, Origin origin, String body)
{
    /** Longest body text kept; longer ones end in {@code ...}. */
    public static final int MAX_BODY_CHARS = 100;

    /**
     * @param text a handler's description (its body printed, for a script handler).
     * @return its first line, cut to {@link #MAX_BODY_CHARS}.
     */
    public static String firstLine(final String text)
    {
        final String s = text == null ? "" : text.strip();
        final int end = s.indexOf('\n');
        final String line = end < 0 ? s : s.substring(0, end);
        return line.length() <= MAX_BODY_CHARS ? line : line.substring(0, MAX_BODY_CHARS - 3) + "...";
    }

    /** @return {@code SESSION CHANNEL TOPIC ORIGIN BODY}, separated by single spaces. */
    public String toLine()
    {
        return sessionId + " " + channel.label() + " " + topic + " " + origin.label() + " " + body;
    }
}
