package dev.sxs.lang.probe;

import java.util.List;

import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.RealValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * A host call as an sxs value: {@code [CLASS METHOD [ARG ...] RESULT NANOS THREAD]}. Integers, reals,
 * booleans, characters and strings become sxs values (strings capped); {@code null} the symbol {@code null};
 * other objects their class name and identity hash ({@code "com.shop.Order@1b6d3586"}), or their capped
 * {@code toString()} when the probe asks for it; a thrown exception the error value
 * {@code @"ExceptionClass: message"}.
 * <p>
 * Threading: stateless; runs on the probe drain's thread (on the host's, for a probe that captures
 * {@code toString()}). Failure: never throws (a {@code toString()} or
 * {@code getMessage()} that throws is described by its class instead). Allocation: the payload only.
 */
public final class ProbePayload
{
    /** The symbol of {@code null}. */
    public static final SymValue NULL = new SymValue("null");
    private static final ListValue NO_ARGS = new ListValue(ListKind.SEQUENCE, List.of());
    private static final IntValue ZERO = IntValue.of(0);

    private ProbePayload()
    {
    }

    /**
     * @param type    the declaring class's name.
     * @param method  the method's name.
     * @param args    the arguments (ignored unless captured).
     * @param result  the returned value, null for void.
     * @param thrown  what the call threw, or null.
     * @param nanos   how long it took.
     * @param thread  the calling thread's name.
     * @param options what to capture.
     * @return the payload.
     */
    public static ListValue of(final String type, final String method, final Object[] args, final Object result,
        final Throwable thrown, final long nanos, final String thread, final ProbeOptions options)
    {
        final int max = options.maxString();
        Value argList = NO_ARGS;
        if (options.args() && args != null && args.length > 0)
        {
            argList = new ListValue(ListKind.SEQUENCE, values(args, options));
        }
        final Value outcome = !options.result() ? NULL : thrown != null ? error(thrown, max) : value(result, options);
        return new ListValue(ListKind.SEQUENCE, List.of(new StrValue(type), new StrValue(method), argList, outcome,
            options.time() ? IntValue.of(nanos) : ZERO, new StrValue(cap(thread, max))));
    }

    /**
     * The arguments as an unmodifiable list that {@link ListValue} keeps as it is: for up to three, made at once
     * ({@link List#of}, no array and no copy); beyond, one array that the list copies once. On the host's thread,
     * so the fewer objects the better.
     */
    private static List<Value> values(final Object[] args, final ProbeOptions options)
    {
        switch (args.length)
        {
            case 1:
                return List.of(value(args[0], options));
            case 2:
                return List.of(value(args[0], options), value(args[1], options));
            case 3:
                return List.of(value(args[0], options), value(args[1], options), value(args[2], options));
            default:
                final Value[] items = new Value[args.length];
                for (int i = 0; i < args.length; i++)
                {
                    items[i] = value(args[i], options);
                }
                return List.of(items);
        }
    }

    /**
     * @param o       a host value.
     * @param options the capture options (string cap, {@code toString()}).
     * @return it as an sxs value.
     */
    public static Value value(final Object o, final ProbeOptions options)
    {
        if (o == null)
        {
            return NULL;
        }
        if (o instanceof String s)
        {
            return new StrValue(cap(s, options.maxString()));
        }
        if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte)
        {
            return IntValue.of(((Number)o).longValue());
        }
        if (o instanceof Double || o instanceof Float)
        {
            return new RealValue(((Number)o).doubleValue());
        }
        if (o instanceof Boolean b)
        {
            return SymValue.of(b);
        }
        if (o instanceof Character c)
        {
            return new StrValue(String.valueOf(c.charValue()));
        }
        return new StrValue(cap(describe(o, options.describe()), options.maxString()));
    }

    private static String describe(final Object o, final boolean useToString)
    {
        final String identity = o.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(o));
        if (!useToString)
        {
            return identity;
        }
        try
        {
            // a host's toString() may return null: String.valueOf makes that "null"
            return String.valueOf((Object)o.toString());
        }
        catch (final Throwable t)
        {
            return identity;
        }
    }

    private static ErrorValue error(final Throwable thrown, final int max)
    {
        String message;
        try
        {
            message = thrown.getMessage();
        }
        catch (final Throwable t)
        {
            message = null;
        }
        final String name = thrown.getClass().getName();
        return new ErrorValue(cap(message == null ? name : name + ": " + message, max));
    }

    /** Cut a string to {@code max} characters, never between the two halves of a surrogate pair. */
    static String cap(final String s, final int max)
    {
        if (s.length() <= max)
        {
            return s;
        }
        final int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
