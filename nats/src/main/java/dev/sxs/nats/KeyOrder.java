package dev.sxs.nats;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Orders keys as the embedded store lists them: by their UTF-8 bytes, which is the order of their code
 * points (not of their UTF-16 chars, which differs for supplementary characters against U+E000..U+FFFF).
 * All keys with one prefix are contiguous in this order. Stateless; allocates nothing.
 */
final class KeyOrder implements Comparator<String>, Serializable
{
    /** The one instance. */
    static final KeyOrder INSTANCE = new KeyOrder();

    private static final long serialVersionUID = 1L;

    private KeyOrder()
    {
    }

    @Override
    public int compare(final String a, final String b)
    {
        final int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++)
        {
            final char x = a.charAt(i);
            final char y = b.charAt(i);
            if (x != y)
            {
                // surrogates (U+D800..U+DFFF) encode code points above U+FFFF: they sort after every other char
                final boolean xs = Character.isSurrogate(x);
                final boolean ys = Character.isSurrogate(y);
                return xs == ys ? Character.compare(x, y) : xs ? 1 : -1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
