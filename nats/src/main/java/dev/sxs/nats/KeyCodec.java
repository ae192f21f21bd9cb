package dev.sxs.nats;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Maps any sxs key (any text without lone surrogates) onto a NATS key/value key, reversibly. NATS keys may
 * hold only {@code A-Z a-z 0-9 - _ / = .} and may not start with a dot; a dot also separates subject tokens.
 * So letters, digits, {@code -}, {@code _} and {@code /} stay as they are, and every other UTF-8 byte (the
 * escape {@code =} and the dot included) becomes {@code =XX}, two upper-case hex digits. The empty key is
 * {@code =} alone, which no other key encodes to. Keys made only of the kept characters (the common case)
 * are their own encoding, so the bucket stays readable with the {@code nats} tool.
 * <p>
 * Stateless and thread-safe; allocates only when a key needs escaping.
 */
public final class KeyCodec
{
    private static final char ESCAPE = '=';
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private KeyCodec()
    {
    }

    /**
     * @param key an sxs key.
     * @return its NATS key.
     */
    public static String encode(final String key)
    {
        if (key.isEmpty())
        {
            return String.valueOf(ESCAPE);
        }
        if (plain(key))
        {
            return key;
        }
        final byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        final StringBuilder out = new StringBuilder(bytes.length * 2);
        for (final byte b : bytes)
        {
            final char c = (char)(b & 0xFF);
            if (kept(c))
            {
                out.append(c);
            }
            else
            {
                out.append(ESCAPE).append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * @param natsKey a key {@link #encode} made.
     * @return the sxs key, or null when {@code natsKey} is not an encoding (a key another program wrote).
     */
    public static String decode(final String natsKey)
    {
        if (natsKey.length() == 1 && natsKey.charAt(0) == ESCAPE)
        {
            return "";
        }
        if (natsKey.indexOf(ESCAPE) < 0)
        {
            return plain(natsKey) && !natsKey.isEmpty() ? natsKey : null;
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(natsKey.length());
        for (int i = 0; i < natsKey.length(); i++)
        {
            final char c = natsKey.charAt(i);
            if (c == ESCAPE)
            {
                final int hi = i + 2 < natsKey.length() ? hex(natsKey.charAt(i + 1)) : -1;
                final int lo = hi < 0 ? -1 : hex(natsKey.charAt(i + 2));
                if (lo < 0)
                {
                    return null;
                }
                bytes.write((hi << 4) | lo);
                i += 2;
            }
            else if (kept(c))
            {
                bytes.write(c);
            }
            else
            {
                return null;
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    private static boolean plain(final String key)
    {
        for (int i = 0; i < key.length(); i++)
        {
            if (!kept(key.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }

    private static boolean kept(final char c)
    {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
            || c == '/';
    }

    private static int hex(final char c)
    {
        if (c >= '0' && c <= '9')
        {
            return c - '0';
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
