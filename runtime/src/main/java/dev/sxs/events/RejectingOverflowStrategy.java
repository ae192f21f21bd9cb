package dev.sxs.events;

/**
 * {@link OverflowPolicy#ERROR}: refuse the publication at once with {@link Publication#QUEUE_FULL}
 * (counted as rejected).
 * <p>
 * Threading: stateless, shared by all publishers. Allocation: none.
 */
public final class RejectingOverflowStrategy implements OverflowStrategy
{
    @Override
    public long onFull(final FullChannel channel)
    {
        return channel.reject();
    }
}
