package dev.sxs.journal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Formats nanosecond timestamps as ISO-8601 UTC instants with nine fraction digits
 * ({@code 2026-11-26T20:32:36.123456789Z}), which {@link java.time.Instant#parse} reads back. Caches the
 * date-and-seconds part, so consecutive times in the same second cost a few appends.
 * Not thread-safe: one instance per thread.
 */
public final class UtcTimeFormat
{
    private final StringBuilder secondText = new StringBuilder(20);
    private long cachedSecond = Long.MIN_VALUE;

    /**
     * Append a time.
     *
     * @param epochNanos nanoseconds since the epoch.
     * @param out        where to append.
     */
    public void append(final long epochNanos, final StringBuilder out)
    {
        final long second = Math.floorDiv(epochNanos, 1_000_000_000L);
        final int nanos = (int)Math.floorMod(epochNanos, 1_000_000_000L);
        if (second != cachedSecond)
        {
            cachedSecond = second;
            secondText.setLength(0);
            final LocalDateTime time = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
            pad(time.getYear(), 4, secondText);
            secondText.append('-');
            pad(time.getMonthValue(), 2, secondText);
            secondText.append('-');
            pad(time.getDayOfMonth(), 2, secondText);
            secondText.append('T');
            pad(time.getHour(), 2, secondText);
            secondText.append(':');
            pad(time.getMinute(), 2, secondText);
            secondText.append(':');
            pad(time.getSecond(), 2, secondText);
            secondText.append('.');
        }
        out.append(secondText);
        pad(nanos, 9, out);
        out.append('Z');
    }

    /**
     * @param epochNanos nanoseconds since the epoch.
     * @return the formatted time.
     */
    public String format(final long epochNanos)
    {
        final StringBuilder out = new StringBuilder(30);
        append(epochNanos, out);
        return out.toString();
    }

    private static void pad(final int value, final int digits, final StringBuilder out)
    {
        int limit = 1;
        for (int i = 1; i < digits; i++)
        {
            limit *= 10;
        }
        int v = value;
        if (v < 0)
        {
            out.append('-');
            v = -v;
        }
        while (limit > 1 && v < limit)
        {
            out.append('0');
            limit /= 10;
        }
        out.append(v);
    }
}
