package dev.sxs.runtime;

import dev.sxs.journal.PayloadBuffer;
import dev.sxs.journal.PayloadCodec;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.Reader;
import dev.sxs.lang.Value;

/**
 * The language's payload codec: a payload is journaled in its canonical printed form and read back
 * with the language reader. This is where the event system's opaque payloads meet the language.
 * <p>
 * Threading: stateless, safe from any thread. Allocation: the journal's {@link #encode(Object, PayloadBuffer)}
 * prints straight into the record's buffer ({@link PayloadPrinter}), with no String for integers, strings,
 * symbols, lists, errors and short reals.
 */
public final class ValuePayloadCodec implements PayloadCodec
{
    /** The one instance. */
    public static final ValuePayloadCodec INSTANCE = new ValuePayloadCodec();

    private ValuePayloadCodec()
    {
    }

    @Override
    public String encode(final Object payload)
    {
        return Value.ofPayload(payload).print();
    }

    @Override
    public void encode(final Object payload, final PayloadBuffer out)
    {
        PayloadPrinter.print(Value.ofPayload(payload), out);
    }

    @Override
    public Object decode(final String text)
    {
        final Value value = Reader.readOne(text);
        if (value instanceof ErrorValue e)
        {
            throw new IllegalArgumentException(e.message());
        }
        return value;
    }
}
