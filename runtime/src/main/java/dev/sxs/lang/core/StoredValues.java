package dev.sxs.lang.core;

import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Reader;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * Values as they are kept in the store: their canonical printed text. Encoding and decoding have
 * fast paths for the common integers and plain strings; everything else goes through the
 * {@link Printer} and the {@link Reader}. Stateless and thread-safe.
 */
public final class StoredValues
{
    private static final int MAX_FAST_DIGITS = 18;
    private static final String BYTE_ORDER_MARK_SYMBOL =
        "symbol starting with U+FEFF (a byte order mark) would not read back";

    private StoredValues()
    {
    }

    /**
     * @param value a value that is not an error.
     * @return its canonical text.
     */
    public static String encode(final Value value)
    {
        if (value instanceof IntValue i)
        {
            return Long.toString(i.value());
        }
        return Printer.print(value);
    }

    /**
     * Read a stored text back into a value.
     *
     * @param text canonical text, as stored.
     * @return the value, or an error value if the text does not read as one form.
     */
    public static Value decode(final String text)
    {
        final int n = text.length();
        if (n == 0)
        {
            return Reader.readOne(text);
        }
        final char first = text.charAt(0);
        if (first == '"')
        {
            final Value s = plainString(text, n);
            if (s != null)
            {
                return s;
            }
        }
        else if (first == '-' || (first >= '0' && first <= '9'))
        {
            final Value i = smallInteger(text, n);
            if (i != null)
            {
                return i;
            }
        }
        return Reader.readOne(text);
    }

    /**
     * @param value a value.
     * @return true when the value is an error or a list holding one at any depth.
     */
    public static boolean containsError(final Value value)
    {
        if (value instanceof ErrorValue)
        {
            return true;
        }
        if (value instanceof ListValue l)
        {
            for (final Value item : l.items())
            {
                if (containsError(item))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a value's printed form would read back as an equal value: the reader accepts at most
     * {@link Reader#MAX_DEPTH} levels of nesting and skips a byte order mark at the start of a text, so a value
     * nested deeper, or holding a symbol that starts with U+FEFF, would be stored or journaled and then not read
     * back. Such values are refused when written. Allocation: none; recursion at most {@code MAX_DEPTH + 1} deep.
     *
     * @param value a value.
     * @return why it would not read back ({@code value nested deeper than 1000 levels would not read back}), or
     *     null when it reads back equal.
     */
    public static String unreadable(final Value value)
    {
        if (value instanceof SymValue s)
        {
            return startsWithByteOrderMark(s) ? BYTE_ORDER_MARK_SYMBOL : null;
        }
        if (!(value instanceof ListValue))
        {
            return null;
        }
        final int depth = depth(value, 0);
        if (depth < 0)
        {
            return BYTE_ORDER_MARK_SYMBOL;
        }
        return depth > Reader.MAX_DEPTH
            ? "value nested deeper than " + Reader.MAX_DEPTH + " levels would not read back"
            : null;
    }

    /** @return the nesting depth of a value, at most {@code MAX_DEPTH + 1}; -1 when it holds a BOM symbol. */
    private static int depth(final Value value, final int level)
    {
        if (value instanceof SymValue s)
        {
            return startsWithByteOrderMark(s) ? -1 : level;
        }
        if (!(value instanceof ListValue l))
        {
            return level;
        }
        if (level >= Reader.MAX_DEPTH)
        {
            return level + 1;
        }
        int deepest = level + 1;
        for (final Value item : l.items())
        {
            final int d = depth(item, level + 1);
            if (d < 0 || d > Reader.MAX_DEPTH)
            {
                return d;
            }
            deepest = Math.max(deepest, d);
        }
        return deepest;
    }

    private static boolean startsWithByteOrderMark(final SymValue symbol)
    {
        return !symbol.name().isEmpty() && symbol.name().charAt(0) == '\uFEFF';
    }

    private static Value plainString(final String text, final int n)
    {
        if (n < 2 || text.charAt(n - 1) != '"')
        {
            return null;
        }
        for (int i = 1; i < n - 1; i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                return null;
            }
        }
        return new StrValue(text.substring(1, n - 1));
    }

    private static Value smallInteger(final String text, final int n)
    {
        final boolean negative = text.charAt(0) == '-';
        final int start = negative ? 1 : 0;
        final int digits = n - start;
        if (digits == 0 || digits > MAX_FAST_DIGITS)
        {
            return null;
        }
        long v = 0;
        for (int i = start; i < n; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return IntValue.of(negative ? -v : v);
    }
}
