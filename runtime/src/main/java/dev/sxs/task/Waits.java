package dev.sxs.task;

import dev.sxs.events.Channel;
import dev.sxs.lang.task.Wait;

/**
 * The stored form of a wait ({@link Frames#WAIT}): {@code yield}, {@code sleep DUE_MILLIS} or
 * {@code await CHANNEL TOPIC KEY}. Stateless.
 */
final class Waits
{
    private Waits()
    {
    }

    /**
     * @param wait the wait.
     * @param due  a sleep's due time, epoch milliseconds.
     * @return its stored form.
     */
    static String encode(final Wait wait, final long due)
    {
        return switch (wait.kind())
        {
            case YIELD -> "yield";
            case SLEEP -> "sleep " + due;
            case AWAIT -> "await " + wait.channel().label() + " " + wait.topic() + " " + wait.key();
        };
    }

    /**
     * @param text a stored form.
     * @return the wait (a sleep's {@link Wait#millis()} is its due time), or null when unreadable.
     */
    static Wait decode(final String text)
    {
        final String[] parts = text.split(" ", 4);
        try
        {
            return switch (parts[0])
            {
                case "yield" -> Wait.YIELDED;
                case "sleep" -> Wait.sleep(Long.parseLong(parts[1]));
                case "await" -> Wait.await(Channel.byName(parts[1]), Integer.parseInt(parts[2]), parts[3]);
                default -> null;
            };
        }
        catch (final RuntimeException unreadable)
        {
            return null;
        }
    }
}
