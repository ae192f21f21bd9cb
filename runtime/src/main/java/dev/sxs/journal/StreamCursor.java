package dev.sxs.journal;

/**
 * A read of a backend's shared event stream (the journal of {@code backend=nats}), positioned by a
 * {@link ReplayRequest} and a scope when it was opened ({@link EventStreamSource}); {@link StreamReplay} drives it.
 * The cursor applies the request's bounds and filters itself: every record it gives is to be delivered.
 * <p>
 * Threading: one thread at a time. Failure: {@link #next} throws a {@link RuntimeException} naming the stream
 * when it cannot be read; {@link #close()} releases the connection and never throws.
 */
public interface StreamCursor extends AutoCloseable
{
    /** @return the records the request selects (known when the cursor was opened), or -1 when unknown. */
    long total();

    /**
     * @param entry filled with the next record (an {@link RecordType#EVENT}; its index is the stream sequence).
     * @return false at the end of the range (nothing filled).
     */
    boolean next(JournalEntry entry);

    /** Release what the cursor holds; idempotent. */
    @Override
    void close();
}
