package dev.sxs.lang.probe;

import java.util.Locale;

/**
 * What a probe captures of each call and how many calls it publishes. Immutable.
 * <p>
 * Written as words {@code KEY=VALUE} separated by spaces ({@link #parse}): {@code args}, {@code result},
 * {@code time}, {@code tostring} ({@code true}/{@code false}), {@code maxstr} (characters kept of a string),
 * {@code sample} (publish one call in N) and {@code cap} (most events per second; 0 for no cap).
 *
 * @param args      capture the arguments (else the list is empty).
 * @param result    capture the return value or the exception (else {@code null}).
 * @param time      measure the call's duration in nanoseconds (else 0).
 * @param describe  objects other than numbers, booleans, characters and strings become their capped
 *                  {@code toString()} (else their class name and identity hash).
 * @param maxString characters kept of a string or description, at least 1.
 * @param sample    publish one call in this many, at least 1.
 * @param perSecond most events per second; 0 for no cap.
 */
public record ProbeOptions(boolean args, boolean result, boolean time, boolean describe, int maxString, int sample,
    long perSecond)
{
    /** Characters kept of a string by default. */
    public static final int DEFAULT_MAX_STRING = 256;
    /** Events per second a probe publishes at most by default: holds a hot method. */
    public static final long DEFAULT_PER_SECOND = 10_000;
    /** Most characters a string may keep. */
    public static final int MAX_MAX_STRING = 100_000;

    /** Checks the ranges. */
    public ProbeOptions
    {
        if (maxString < 1 || maxString > MAX_MAX_STRING)
        {
            throw new IllegalArgumentException("maxstr must be 1.." + MAX_MAX_STRING);
        }
        if (sample < 1)
        {
            throw new IllegalArgumentException("sample must be at least 1");
        }
        if (perSecond < 0)
        {
            throw new IllegalArgumentException("cap must be 0 (none) or more");
        }
    }

    /** @return everything captured, no {@code toString()}, 256 characters, every call, 10,000 per second. */
    public static ProbeOptions defaults()
    {
        return new ProbeOptions(true, true, true, false, DEFAULT_MAX_STRING, 1, DEFAULT_PER_SECOND);
    }

    /**
     * @param text words {@code KEY=VALUE} separated by spaces; empty for the defaults.
     * @return the options.
     * @throws IllegalArgumentException naming the word that is wrong.
     */
    public static ProbeOptions parse(final String text)
    {
        ProbeOptions o = defaults();
        for (final String word : text.trim().split("\\s+"))
        {
            if (word.isEmpty())
            {
                continue;
            }
            final int eq = word.indexOf('=');
            if (eq <= 0)
            {
                throw new IllegalArgumentException("option '" + word + "' is not KEY=VALUE");
            }
            o = o.with(word.substring(0, eq).toLowerCase(Locale.ROOT), word.substring(eq + 1));
        }
        return o;
    }

    private ProbeOptions with(final String key, final String value)
    {
        return switch (key)
        {
            case "args" -> new ProbeOptions(flag(key, value), result, time, describe, maxString, sample, perSecond);
            case "result" -> new ProbeOptions(args, flag(key, value), time, describe, maxString, sample, perSecond);
            case "time" -> new ProbeOptions(args, result, flag(key, value), describe, maxString, sample, perSecond);
            case "tostring" -> new ProbeOptions(args, result, time, flag(key, value), maxString, sample, perSecond);
            case "maxstr" -> new ProbeOptions(args, result, time, describe, (int)number(key, value, MAX_MAX_STRING),
                sample, perSecond);
            case "sample" -> new ProbeOptions(args, result, time, describe, maxString,
                (int)number(key, value, Integer.MAX_VALUE), perSecond);
            case "cap" -> new ProbeOptions(args, result, time, describe, maxString, sample,
                number(key, value, Long.MAX_VALUE));
            default -> throw new IllegalArgumentException("unknown option '" + key
                + "' (args, result, time, tostring, maxstr, sample, cap)");
        };
    }

    private static boolean flag(final String key, final String value)
    {
        if ("true".equals(value) || "false".equals(value))
        {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
    }

    private static long number(final String key, final String value, final long max)
    {
        try
        {
            final long n = Long.parseLong(value);
            if (n >= 0 && n <= max)
            {
                return n;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number 0.." + max + ", got '" + value + "'");
    }

    /** @return the options as {@link #parse} reads them. */
    @Override
    public String toString()
    {
        return "args=" + args + " result=" + result + " time=" + time + " tostring=" + describe + " maxstr="
            + maxString + " sample=" + sample + " cap=" + perSecond;
    }
}
