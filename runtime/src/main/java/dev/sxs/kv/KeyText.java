package dev.sxs.kv;

import java.util.Locale;

/**
 * The one rule on key text: a key is well-formed UTF-16, so it has exactly one UTF-8 form. A lone surrogate
 * has none ({@link String#getBytes} turns it into {@code ?}), so the ordered key index, which holds UTF-8,
 * would disagree with the map, which holds the chars as they are. Stateless.
 */
public final class KeyText
{
    private KeyText()
    {
    }

    /**
     * @param key a key (or scope prefix).
     * @return the index of its first lone surrogate, or -1 when it is well-formed UTF-16. Allocation: none.
     */
    public static int loneSurrogate(final CharSequence key)
    {
        final int n = key.length();
        for (int i = 0; i < n; i++)
        {
            final char c = key.charAt(i);
            if (Character.isSurrogate(c))
            {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(key.charAt(i + 1)))
                {
                    i++;
                }
                else
                {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * @param key a key.
     * @return why the key cannot be stored ({@code key holds a lone UTF-16 surrogate U+D800 at index 3}), or
     *     null when it can.
     */
    public static String problem(final CharSequence key)
    {
        return problem("key", key);
    }

    /**
     * @param what what the text is, for the message ({@code key}, {@code scope}, {@code PREFIX}).
     * @param text the text.
     * @return why it cannot be a key or part of one ({@code <what> holds a lone UTF-16 surrogate U+D800 at
     *     index 3}), or null when it can.
     */
    public static String problem(final String what, final CharSequence text)
    {
        final int at = loneSurrogate(text);
        return at < 0 ? null : what + " holds a lone UTF-16 surrogate U+"
            + Integer.toHexString(text.charAt(at)).toUpperCase(Locale.ROOT) + " at index " + at;
    }

    /**
     * @param key a key about to be written.
     * @throws IllegalArgumentException with {@link #problem}'s text when it holds a lone surrogate.
     */
    static void require(final CharSequence key)
    {
        final String problem = problem(key);
        if (problem != null)
        {
            throw new IllegalArgumentException(problem);
        }
    }
}
