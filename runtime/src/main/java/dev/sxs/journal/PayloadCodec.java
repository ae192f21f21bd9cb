package dev.sxs.journal;

/**
 * How an event's opaque payload becomes the text a journal record keeps, and back again for replay.
 * The journal and the dispatcher never look inside a payload; the runtime's wiring hands them the
 * codec of its language (canonical printed form out, the reader in).
 * <p>
 * Threading: implementations are stateless and safe from any thread. Allocation: one String per
 * {@link #encode(Object)}; {@link #encode(Object, PayloadBuffer)}, which the journal calls, allocates that String
 * too unless the codec prints straight into the buffer (the language's codec does for its common values).
 * Failure: neither {@code encode} throws for a payload the dispatcher accepted; {@link #decode} throws
 * {@link IllegalArgumentException} with a precise message for text that does not read back.
 */
public interface PayloadCodec
{
    /** Payloads as their {@code String.valueOf}, read back as the text itself: for tests and tools only. */
    PayloadCodec PLAIN_TEXT = new PayloadCodec()
    {
        @Override
        public String encode(final Object payload)
        {
            return String.valueOf(payload);
        }

        @Override
        public Object decode(final String text)
        {
            return text;
        }
    };

    /**
     * @param payload a payload the dispatcher accepted (not null).
     * @return its text form, which {@link #decode} reads back as an equal payload.
     */
    String encode(Object payload);

    /**
     * Append the text form of a payload to a journal record's buffer: the same text as {@link #encode(Object)},
     * as UTF-8. The journal calls this, under its append lock; a codec that prints straight into the buffer
     * spares the String.
     *
     * @param payload a payload the dispatcher accepted (not null).
     * @param out     where to append the text.
     */
    default void encode(final Object payload, final PayloadBuffer out)
    {
        out.utf8(encode(payload));
    }

    /**
     * @param text a text form made by {@link #encode(Object)}.
     * @return the payload.
     * @throws IllegalArgumentException when the text does not read back, with the reason.
     */
    Object decode(String text);
}
