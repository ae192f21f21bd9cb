package dev.sxs.journal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable buffer of the UTF-8 bytes a journal record keeps for its payload and origin: a
 * {@link PayloadCodec} prints a payload into it, and the journal copies it into its record in one bulk write,
 * after checking the free space for exactly that many bytes. The bytes are what Chronicle's
 * {@code writeUtf8} writes for the same text (each UTF-16 unit as one to three bytes, so a surrogate pair takes
 * six), so records stay readable by every reader of format version 2.
 * <p>
 * Threading: not thread-safe; the journal keeps one per appender, used under its append lock. Allocation: none
 * once the buffer has grown to the largest record (it doubles when a text does not fit).
 */
public final class PayloadBuffer
{
    private static final int INITIAL_BYTES = 256;
    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[INITIAL_BYTES];
    private int length;

    /**
     * @return the number of bytes written since the last {@link #clear}.
     */
    public int length()
    {
        return length;
    }

    /** Forget what was written; keeps the storage. */
    public void clear()
    {
        length = 0;
    }

    /**
     * Append one character below {@code 0x80} as its single byte.
     *
     * @param c an ASCII character (the caller knows it is one: a bracket, a quote, a digit).
     * @return this.
     */
    public PayloadBuffer ascii(final char c)
    {
        if (length == bytes.length)
        {
            grow(1);
        }
        bytes[length++] = (byte)c;
        return this;
    }

    /**
     * Append text as UTF-8, each UTF-16 unit as one to three bytes (as Chronicle's {@code writeUtf8}).
     *
     * @param text the text.
     * @return this.
     */
    public PayloadBuffer utf8(final CharSequence text)
    {
        final int n = text.length();
        ensure(n);
        int at = length;
        int i = 0;
        while (i < n)
        {
            final char c = text.charAt(i);
            if (c >= 0x80)
            {
                break;
            }
            bytes[at++] = (byte)c;
            i++;
        }
        length = at;
        for (; i < n; i++)
        {
            utf8(text.charAt(i));
        }
        return this;
    }

    /**
     * Append one UTF-16 unit as UTF-8 (one to three bytes; a lone surrogate as three, as Chronicle does).
     *
     * @param c the character.
     * @return this.
     */
    public PayloadBuffer utf8(final char c)
    {
        ensure(3);
        if (c < 0x80)
        {
            bytes[length++] = (byte)c;
        }
        else if (c < 0x800)
        {
            bytes[length++] = (byte)(0xC0 | c >> 6);
            bytes[length++] = (byte)(0x80 | c & 0x3F);
        }
        else
        {
            bytes[length++] = (byte)(0xE0 | c >> 12);
            bytes[length++] = (byte)(0x80 | c >> 6 & 0x3F);
            bytes[length++] = (byte)(0x80 | c & 0x3F);
        }
        return this;
    }

    /**
     * Append an integer in decimal, as {@link Long#toString(long)} prints it, without making a String.
     *
     * @param value the integer.
     * @return this.
     */
    public PayloadBuffer decimal(final long value)
    {
        if (value == Long.MIN_VALUE)
        {
            ensure(LONG_MIN.length);
            System.arraycopy(LONG_MIN, 0, bytes, length, LONG_MIN.length);
            length += LONG_MIN.length;
            return this;
        }
        ensure(20);
        long rest = value;
        if (rest < 0)
        {
            bytes[length++] = '-';
            rest = -rest;
        }
        final int digits = digits(rest);
        int at = length + digits;
        length = at;
        do
        {
            bytes[--at] = (byte)('0' + rest % 10);
            rest /= 10;
        }
        while (rest != 0);
        return this;
    }

    private static int digits(final long positive)
    {
        int digits = 1;
        long bound = 10;
        while (digits < 19 && positive >= bound)
        {
            digits++;
            bound *= 10;
        }
        return digits;
    }

    /**
     * @return the backing array; its first {@link #length} bytes are the text. Valid until the next append.
     */
    byte[] array()
    {
        return bytes;
    }

    /**
     * @return the text written, decoded (for tests and messages; allocates).
     */
    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder(length);
        int i = 0;
        while (i < length)
        {
            final int b = bytes[i] & 0xFF;
            if (b < 0x80)
            {
                text.append((char)b);
                i++;
            }
            else if (b < 0xE0)
            {
                text.append((char)((b & 0x1F) << 6 | bytes[i + 1] & 0x3F));
                i += 2;
            }
            else
            {
                text.append((char)((b & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F));
                i += 3;
            }
        }
        return text.toString();
    }

    private void ensure(final int more)
    {
        if (bytes.length - length < more)
        {
            grow(more);
        }
    }

    private void grow(final int more)
    {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
}
