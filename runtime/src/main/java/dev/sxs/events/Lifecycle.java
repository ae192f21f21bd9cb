package dev.sxs.events;

/**
 * The two switches of a dispatcher's life that its parts read: {@link #closed} (publications are
 * refused) and {@link #stopping} (dispatch threads end after the event in hand). Both only ever go from
 * false to true, in that order, set by {@link Dispatcher#close()}.
 * <p>
 * Threading: volatile fields, read by publishers and dispatch threads, written by the closing thread.
 */
final class Lifecycle
{
    volatile boolean closed;
    volatile boolean stopping;
}
