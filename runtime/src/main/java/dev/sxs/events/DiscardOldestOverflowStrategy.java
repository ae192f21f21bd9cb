package dev.sxs.events;

/**
 * {@link OverflowPolicy#DISCARD_OLDEST}: drop the oldest queued event of the channel (counted as
 * discarded) and accept the new one with its unit. When no event is queued (every held event is inside
 * a handler or held back behind an awaiting handler, or the channel feeds a sink), the new event is
 * dropped instead, as {@link DiscardNewestOverflowStrategy} would.
 * <p>
 * Threading: stateless, shared by all publishers. Allocation: none.
 */
public final class DiscardOldestOverflowStrategy implements OverflowStrategy
{
    @Override
    public long onFull(final FullChannel channel)
    {
        while (true)
        {
            if (channel.discardOldest() || channel.tryReserve())
            {
                return 0;
            }
            if (!channel.anyQueued())
            {
                return channel.discardNewest();
            }
        }
    }
}
