package dev.sxs.task;

import dev.sxs.lang.HiddenKeys;

/**
 * What a task's frame holds for the engine in one hidden entry, {@link Frames#CODE}: the function's name, who
 * spawned the task, when it ended (0 until then) and the function's text as it was at spawn. One entry, so a
 * spawn inserts one hidden key and the end overwrites it in place (the end time has a fixed width) instead of
 * inserting another, and the removal deletes one.
 * <p>
 * Stored form: {@code LEN:ENDED LEN:FN LEN:PRINCIPAL TEXT} without the spaces, each {@code LEN} the decimal length
 * of the field after its colon, {@code ENDED} epoch milliseconds zero-padded to 13 digits. A frame written before
 * this entry held the name (its text alone, the name and spawner in a key of their own) reads with
 * {@link #before}.
 * <p>
 * Immutable; thread-safe.
 *
 * @param fn          the stored function's name.
 * @param principal   who spawned the task (its steps run as origin {@code task} with this name).
 * @param endedMillis when the task ended, epoch milliseconds; 0 while it has not.
 * @param text        the function's text, {@code [(PARAM ...) {BODY}]}.
 */
record FrameHeader(String fn, String principal, long endedMillis, String text)
{
    /** The key the name and spawner had before this entry held them. */
    static final String META_BEFORE = HiddenKeys.TASKS + "meta";
    /** The key the end time had before. */
    static final String ENDED_BEFORE = HiddenKeys.TASKS + "ended";

    private static final int ENDED_DIGITS = 13;

    /**
     * @param endedAt an end time, epoch milliseconds.
     * @return this header with that end time.
     */
    FrameHeader ended(final long endedAt)
    {
        return new FrameHeader(fn, principal, endedAt, text);
    }

    /** @return the stored form. */
    String encode()
    {
        final String ended = Long.toString(endedMillis);
        final StringBuilder out = new StringBuilder(24 + fn.length() + principal.length() + text.length());
        out.append(Math.max(ENDED_DIGITS, ended.length())).append(':');
        for (int pad = ended.length(); pad < ENDED_DIGITS; pad++)
        {
            out.append('0');
        }
        out.append(ended);
        field(out, fn);
        field(out, principal);
        return out.append(text).toString();
    }

    /**
     * @param stored a stored form, or null.
     * @return the header, or null when there is none or it is not one (a frame of the layout {@link #before}).
     */
    static FrameHeader decode(final String stored)
    {
        if (stored == null || stored.isEmpty() || !Character.isDigit(stored.charAt(0)))
        {
            return null;
        }
        try
        {
            final int[] at = {0};
            final String ended = read(stored, at);
            final String fn = read(stored, at);
            final String principal = read(stored, at);
            return new FrameHeader(fn, principal, Long.parseLong(ended), stored.substring(at[0]));
        }
        catch (final RuntimeException unreadable)
        {
            return null;
        }
    }

    /**
     * The header of a frame written before this entry held the name.
     *
     * @param text  the code entry (the text alone), or null.
     * @param meta  {@link #META_BEFORE}'s value, {@code FN "\n" PRINCIPAL}, or null.
     * @param ended {@link #ENDED_BEFORE}'s value, or null while not ended.
     * @return the header, or null when the frame is not readable.
     */
    static FrameHeader before(final String text, final String meta, final String ended)
    {
        final int nl = meta == null ? -1 : meta.indexOf('\n');
        if (text == null || nl < 0)
        {
            return null;
        }
        return new FrameHeader(meta.substring(0, nl), meta.substring(nl + 1), ended == null ? 0 : Long.parseLong(ended),
            text);
    }

    private static void field(final StringBuilder out, final String value)
    {
        out.append(value.length()).append(':').append(value);
    }

    private static String read(final String stored, final int[] at)
    {
        final int colon = stored.indexOf(':', at[0]);
        final int length = Integer.parseInt(stored, at[0], colon, 10);
        final String value = stored.substring(colon + 1, colon + 1 + length);
        at[0] = colon + 1 + length;
        return value;
    }
}
