package dev.sxs.events;

/**
 * {@link OverflowPolicy#DISCARD_NEWEST}: drop the event being published (counted as discarded); the
 * publisher sees {@link Publication#DISCARDED}.
 * <p>
 * Threading: stateless, shared by all publishers. Allocation: none.
 */
public final class DiscardNewestOverflowStrategy implements OverflowStrategy
{
    @Override
    public long onFull(final FullChannel channel)
    {
        return channel.discardNewest();
    }
}
