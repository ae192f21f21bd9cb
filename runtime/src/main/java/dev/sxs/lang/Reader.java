package dev.sxs.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads sxs source text into forms (values), following section 1 of the language reference.
 * <p>
 * {@code 'form} reads as the call {@code (quote form)}; {@code @form} reads as an error value whose
 * message is the text of the form (a string's text, else its canonical printed form). The reader is
 * iterative, so deep nesting cannot overflow the stack; nesting is limited to {@link #MAX_DEPTH}, and
 * the messages it prints for {@code @form} to {@link #MAX_BUILT_CHARS} characters in all, so what a read
 * builds stays proportional to its source. A byte order mark at the very start of the source is skipped.
 * <p>
 * Failure: never throws; a malformed input gives a {@link ReadResult} with an error value
 * {@code read error at LINE:COL: reason}, lines and columns counted from 1, columns in characters
 * (Unicode code points). Threading: stateless and thread-safe.
 */
public final class Reader
{
    /** The deepest nesting of brackets and prefixes ({@code '}, {@code @}) accepted. */
    public static final int MAX_DEPTH = 1000;

    /**
     * The most characters of error messages the reader may build by printing the forms that follow
     * {@code @} prefixes (a string after {@code @} is taken as is and does not count).
     */
    public static final int MAX_BUILT_CHARS = 1 << 20;

    /** The symbol {@code quote}, head of the call {@code 'form} reads as. */
    public static final SymValue QUOTE = new SymValue("quote");

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final char QUOTE_PREFIX = '\'';
    private static final char ERROR_PREFIX = '@';

    private final String src;
    private final int length;
    private int pos;
    private int builtChars;

    private Reader(final String src)
    {
        this.src = src;
        this.length = src.length();
        this.pos = !src.isEmpty() && src.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
    }

    /**
     * Read every form of a source text.
     *
     * @param source the text; null reads as empty.
     * @return the forms, or the first read error.
     */
    public static ReadResult read(final String source)
    {
        final Reader reader = new Reader(source == null ? "" : source);
        try
        {
            return new ReadResult(reader.readAll(), null);
        }
        catch (final ReadException ex)
        {
            return new ReadResult(List.of(), reader.error(ex));
        }
    }

    /**
     * Read a text that holds exactly one form, such as a stored value.
     *
     * @param text the text.
     * @return the form, or an error value (read error, no form, or more than one form).
     */
    public static Value readOne(final String text)
    {
        final ReadResult result = read(text);
        if (!result.ok())
        {
            return result.error();
        }
        if (result.forms().size() != 1)
        {
            return new ErrorValue("expected exactly one form, found " + result.forms().size());
        }
        return result.forms().get(0);
    }

    /**
     * The line and column of a character offset, as {@code LINE:COL} (a leading byte order mark
     * does not count).
     *
     * @param source the text.
     * @param offset a char offset in it.
     * @return the position, counted from 1.
     */
    public static String position(final String source, final int offset)
    {
        int line = 1;
        int col = 1;
        final int first = !source.isEmpty() && source.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        for (int i = first; i < offset && i < source.length(); i++)
        {
            final char c = source.charAt(i);
            if (c == '\n')
            {
                line++;
                col = 1;
            }
            else if (!Character.isLowSurrogate(c))
            {
                col++;
            }
        }
        return line + ":" + col;
    }

    private List<Value> readAll()
    {
        final List<Value> forms = new ArrayList<>();
        final ArrayList<Frame> stack = new ArrayList<>();
        while (true)
        {
            skipBlank();
            if (pos >= length)
            {
                if (!stack.isEmpty())
                {
                    final Frame top = stack.get(stack.size() - 1);
                    if (top.kind == null)
                    {
                        throw nothingAfter(top);
                    }
                    throw new ReadException(top.start, "unclosed '" + top.kind.open() + "'");
                }
                return forms;
            }
            final char c = src.charAt(pos);
            Value value;
            switch (c)
            {
                case '(' -> value = push(stack, new Frame(ListKind.CALL, (char)0, pos));
                case '[' -> value = push(stack, new Frame(ListKind.SEQUENCE, (char)0, pos));
                case '{' -> value = push(stack, new Frame(ListKind.BLOCK, (char)0, pos));
                case QUOTE_PREFIX, ERROR_PREFIX -> value = push(stack, new Frame(null, c, pos));
                case ')', ']', '}' -> value = close(stack, c);
                case '"' -> value = readString();
                default -> value = readAtom();
            }
            if (value != null)
            {
                emit(forms, stack, value);
            }
        }
    }

    private Value push(final List<Frame> stack, final Frame frame)
    {
        if (stack.size() >= MAX_DEPTH)
        {
            throw new ReadException(pos, "nesting deeper than " + MAX_DEPTH + " levels");
        }
        stack.add(frame);
        pos++;
        return null;
    }

    private Value close(final List<Frame> stack, final char closer)
    {
        if (stack.isEmpty())
        {
            throw new ReadException(pos, "unexpected '" + closer + "'");
        }
        final Frame top = stack.get(stack.size() - 1);
        if (top.kind == null)
        {
            throw nothingAfter(top);
        }
        if (top.kind.close() != closer)
        {
            throw new ReadException(pos, "'" + closer + "' does not match '" + top.kind.open() + "' opened at "
                + position(src, top.start));
        }
        stack.remove(stack.size() - 1);
        pos++;
        return new ListValue(top.kind, top.items);
    }

    private void emit(final List<Value> forms, final List<Frame> stack, final Value read)
    {
        Value value = read;
        while (true)
        {
            if (stack.isEmpty())
            {
                forms.add(value);
                return;
            }
            final Frame top = stack.get(stack.size() - 1);
            if (top.kind != null)
            {
                top.items.add(value);
                return;
            }
            stack.remove(stack.size() - 1);
            value = top.prefix == QUOTE_PREFIX
                ? new ListValue(ListKind.CALL, List.of(QUOTE, value))
                : new ErrorValue(value instanceof StrValue s ? s.text() : built(value, top.start));
        }
    }

    /**
     * The printed text of a form after {@code @}, counted against {@link #MAX_BUILT_CHARS}. Each level of
     * {@code @} prints the one inside it, escapes included, so a text of n prefixes would otherwise build
     * messages of 2^n characters. The printing stops as soon as the total passes the limit.
     */
    private String built(final Value value, final int start)
    {
        final StringBuilder out = new StringBuilder();
        if (!Printer.print(value, out, MAX_BUILT_CHARS - builtChars))
        {
            throw new ReadException(start, "source builds more than " + MAX_BUILT_CHARS
                + " characters of error messages");
        }
        builtChars += out.length();
        return out.toString();
    }

    private ReadException nothingAfter(final Frame frame)
    {
        return new ReadException(frame.start, frame.prefix + " with nothing after it");
    }

    private void skipBlank()
    {
        while (pos < length)
        {
            final char c = src.charAt(pos);
            if (c == ';')
            {
                while (pos < length && src.charAt(pos) != '\n')
                {
                    pos++;
                }
            }
            else if (Character.isWhitespace(c))
            {
                pos++;
            }
            else
            {
                return;
            }
        }
    }

    private Value readString()
    {
        final int start = pos;
        pos++;
        StringBuilder out = null;
        int runStart = pos;
        while (pos < length)
        {
            final char c = src.charAt(pos);
            if (c == '"')
            {
                final String text = out == null
                    ? src.substring(runStart, pos)
                    : out.append(src, runStart, pos).toString();
                pos++;
                return new StrValue(text);
            }
            if (c == '\\')
            {
                if (out == null)
                {
                    out = new StringBuilder();
                }
                out.append(src, runStart, pos);
                if (pos + 1 >= length)
                {
                    throw new ReadException(start, "unterminated string");
                }
                final char e = src.charAt(pos + 1);
                switch (e)
                {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    default -> throw new ReadException(pos, "bad escape '\\" + src.substring(pos + 1,
                        pos + 1 + Character.charCount(src.codePointAt(pos + 1))) + "' in string");
                }
                pos += 2;
                runStart = pos;
            }
            else
            {
                pos++;
            }
        }
        throw new ReadException(start, "unterminated string");
    }

    private Value readAtom()
    {
        final int start = pos;
        while (pos < length && !isDelimiter(src.charAt(pos)))
        {
            pos++;
        }
        if (src.charAt(start) == BYTE_ORDER_MARK)
        {
            // the reader skips a mark at the start of a text, so such a symbol printed alone would lose it
            throw new ReadException(start, "symbol starts with U+FEFF (a byte order mark), which would not read back");
        }
        final String token = src.substring(start, pos);
        return Atoms.parse(token, start);
    }

    static boolean isDelimiter(final char c)
    {
        return switch (c)
        {
            case '(', ')', '[', ']', '{', '}', '"', ';' -> true;
            default -> Character.isWhitespace(c);
        };
    }

    private ErrorValue error(final ReadException ex)
    {
        return new ErrorValue("read error at " + position(src, ex.offset) + ": " + ex.getMessage());
    }

    private static final class Frame
    {
        final ListKind kind;
        final char prefix;
        final int start;
        final List<Value> items = new ArrayList<>();

        Frame(final ListKind kind, final char prefix, final int start)
        {
            this.kind = kind;
            this.prefix = prefix;
            this.start = start;
        }
    }

    /** Internal control flow of the reader; never escapes {@link #read}. */
    static final class ReadException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        final int offset;

        ReadException(final int offset, final String reason)
        {
            super(reason, null, false, false);
            this.offset = offset;
        }
    }
}
