package dev.sxs.journal;

/**
 * Opens reads of a backend's shared event stream: the journal of a distributed backend ({@code backend=nats}),
 * which every JVM's events go to. {@code sxs replay} and the JMX {@code Journal.replay} read it instead of a
 * Chronicle Queue folder when the runtime has one ({@code SxsRuntime.eventStream()}).
 * Thread-safe: each cursor has its own connection.
 */
@FunctionalInterface
public interface EventStreamSource
{
    /**
     * @param request the range and filters; its indexes are stream sequences (first 1), its times publication
     *                times.
     * @param scope   only events of this origin scope ("" for the root), or null for all.
     * @return a cursor at the start of the range; the caller closes it.
     * @throws RuntimeException when the stream cannot be reached, with a message naming it.
     */
    StreamCursor open(ReplayRequest request, String scope);
}
