package dev.sxs.events;

/**
 * The {@link FullChannel} of one channel: what an {@link OverflowStrategy} may do to it, on top of its
 * {@link ChannelState} (capacity, counters, waiting publishers) and the {@link Partitions} that queue its
 * events.
 * <p>
 * Threading: safe from any publisher thread. Allocation: none.
 */
final class ChannelOverflow implements FullChannel
{
    private final ChannelState state;
    private final Partitions partitions;
    private final Lifecycle lifecycle;

    ChannelOverflow(final ChannelState state, final Partitions partitions, final Lifecycle lifecycle)
    {
        this.state = state;
        this.partitions = partitions;
        this.lifecycle = lifecycle;
    }

    @Override
    public Channel channel()
    {
        return state.channel;
    }

    @Override
    public boolean tryReserve()
    {
        return state.tryReserve();
    }

    @Override
    public boolean discardOldest()
    {
        if (state.binding != null || !partitions.dropOldest(state.channel.ordinal()))
        {
            return false;
        }
        state.discarded.increment();
        state.transferred.increment();
        return true;
    }

    @Override
    public boolean anyQueued()
    {
        return partitions.anyQueued(state.channel.ordinal());
    }

    @Override
    public long reject()
    {
        state.rejected.increment();
        return Publication.QUEUE_FULL;
    }

    @Override
    public long discardNewest()
    {
        state.droppedNewest.increment();
        state.discarded.increment();
        return Publication.DISCARDED;
    }

    @Override
    public boolean isClosed()
    {
        return lifecycle.closed;
    }

    @Override
    public void addWaiter(final Thread thread)
    {
        state.addBlocked(thread);
    }

    @Override
    public void removeWaiter(final Thread thread)
    {
        state.removeBlocked(thread);
    }
}
