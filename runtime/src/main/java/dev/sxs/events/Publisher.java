package dev.sxs.events;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The publishing side of a dispatcher: validates a publication, gives it the calling thread's causal
 * depth and refuses it beyond the maximum ({@link DepthLimit}), refuses it during a replayed event's
 * handler (suppressed, counted), takes a unit of the channel's capacity (the {@link OverflowStrategy}
 * decides when there is none), assigns the sequence number and timestamp, hands the event to the
 * journal exactly once and in sequence order (under the publish lock), then to the channel's sink or
 * to its partition's queue (a live publish that no handler of its channel/topic in its scope hears is
 * dispatched there and then, to nobody: no queue, no worker wake-up), and completes the awaiters of its
 * channel/topic. An {@link #offer} on a
 * channel of the workers is not journaled here: it is queued marked {@link Event#journalOnDispatch()}, and the
 * dispatch thread appends it before its handlers run ({@link JournalHook}), so the offering thread pays no append.
 * <p>
 * Threading: any number of publisher threads at once; with a journal, a live publish's sequence, append and
 * hand-off are serialised by one lock so journal order is dispatch order for them (offers are appended later,
 * in their partition's dispatch order). Failure: never throws; returns
 * the sequence number or a negative {@link Publication} code. Allocation: the {@link Event} record only
 * (and a {@link Replayed} wrapper for a replayed event).
 */
final class Publisher
{
    private final ChannelState[] channels;
    private final ChannelOverflow[] overflows;
    private final Partitions partitions;
    private final JournalHook journal;
    private final OverflowStrategy overflow;
    private final Awaiters awaiters;
    private final HandlerErrors errors;
    private final EventClock clock;
    private final Lifecycle lifecycle;
    private final DepthLimit depthLimit;
    private final OverflowStrategy reject = new RejectingOverflowStrategy();
    private final AtomicLong sequence = new AtomicLong();

    Publisher(final ChannelState[] channels, final Partitions partitions, final JournalHook journal,
        final OverflowStrategy overflow, final Awaiters awaiters, final HandlerErrors errors, final EventClock clock,
        final Lifecycle lifecycle, final DepthLimit depthLimit)
    {
        this.channels = channels;
        this.partitions = partitions;
        this.journal = journal;
        this.overflow = overflow;
        this.awaiters = awaiters;
        this.errors = errors;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.depthLimit = depthLimit;
        this.overflows = new ChannelOverflow[channels.length];
        for (int c = 0; c < channels.length; c++)
        {
            overflows[c] = new ChannelOverflow(channels[c], partitions, lifecycle);
        }
    }

    /** @return the last sequence number assigned. */
    long lastSequence()
    {
        return sequence.get();
    }

    /**
     * Publish a live event.
     *
     * @param via        the binding published through, or null.
     * @param attachment for the sink of {@code via} while it serves the channel.
     * @param <A>        the attachment type.
     * @return the sequence number or a negative {@link Publication} code.
     */
    <A> long publish(final Channel channel, final int topic, final Object payload, final String origin,
        final ChannelBinding<A> via, final A attachment)
    {
        return publish(channel, topic, payload, origin, via, attachment, overflow, false, 0);
    }

    /**
     * Publish a live event that never waits for capacity: a full channel refuses it at once
     * ({@link Publication#QUEUE_FULL}, counted as rejected) whatever the channel's overflow strategy.
     *
     * @param offeredAt the event's time, a {@link System#nanoTime} reading the caller took (its timestamp).
     * @return the sequence number or a negative {@link Publication} code.
     */
    long offer(final Channel channel, final int topic, final Object payload, final String origin,
        final long offeredAt)
    {
        return publish(channel, topic, payload, origin, null, null, reject, true, offeredAt);
    }

    /**
     * As {@link Dispatcher#rejectIfFull}: a full channel refuses an offer before it is made (counted as rejected).
     *
     * @return true when refused.
     */
    boolean rejectIfFull(final Channel channel)
    {
        final ChannelState state = channels[channel.ordinal()];
        if (state.looksFull())
        {
            state.rejected.increment();
            return true;
        }
        return false;
    }

    /**
     * @param late      an offer: journaled at dispatch, stamped with {@code offeredAt}.
     * @param offeredAt an offer's {@link System#nanoTime}; ignored for a publish (stamped now).
     */
    private <A> long publish(final Channel channel, final int topic, final Object payload, final String origin,
        final ChannelBinding<A> via, final A attachment, final OverflowStrategy whenFull, final boolean late,
        final long offeredAt)
    {
        final long bad = validate(channel, topic, payload);
        if (bad != 0)
        {
            return bad;
        }
        final ChannelState state = channels[channel.ordinal()];
        final String from = origin == null ? "" : origin;
        final int depth = EventThread.currentPublishDepth();
        if (!depthLimit.allows(depth) && !EventThread.currentIsReplaying())
        {
            return depthLimit.refuse(state, depth, from);
        }
        final long reserved = reserve(state, whenFull);
        if (reserved < 0)
        {
            return reserved;
        }
        final EventJournal hook = journal.journal;
        final Event event;
        if (hook != null && !(late && state.binding == null))
        {
            journal.lock.lock();
            try
            {
                event = new Event(sequence.incrementAndGet(), late ? clock.at(offeredAt) : clock.now(), channel,
                    topic, payload, from, depth);
                try
                {
                    hook.append(event);
                }
                catch (final Throwable t)
                {
                    sequence.decrementAndGet();
                    state.unpublished.increment();
                    state.releaseExtra();
                    errors.recordJournal(t);
                    return Publication.JOURNAL_FAILED;
                }
                handOff(state, event, event, via, attachment, false, late);
            }
            finally
            {
                journal.lock.unlock();
            }
        }
        else
        {
            event = new Event(sequence.incrementAndGet(), late ? clock.at(offeredAt) : clock.now(), channel, topic,
                payload, from, depth, hook != null, late);
            handOff(state, event, event, via, attachment, false, late);
        }
        awaiters.complete(event);
        return event.sequence();
    }

    /**
     * Re-publish a journaled event: keeps its sequence and timestamp, not journaled again.
     *
     * @param event the original event.
     * @return the event's sequence number (or 1 when it had none) or a negative {@link Publication} code.
     */
    long publishReplay(final Event event)
    {
        if (event == null)
        {
            return Publication.BAD_PAYLOAD;
        }
        final long bad = validate(event.channel(), event.topic(), event.payload());
        if (bad != 0)
        {
            return bad;
        }
        final ChannelState state = channels[event.channel().ordinal()];
        final long reserved = reserve(state, overflow);
        if (reserved < 0)
        {
            return reserved;
        }
        handOff(state, event, new Replayed(event), null, null, true, false);
        awaiters.complete(event);
        return Math.max(1, event.sequence());
    }

    private long validate(final Channel channel, final int topic, final Object payload)
    {
        if (channel == null)
        {
            return Publication.BAD_CHANNEL;
        }
        if (!Channel.isValidTopic(topic))
        {
            return Publication.BAD_TOPIC;
        }
        if (payload == null)
        {
            return Publication.BAD_PAYLOAD;
        }
        if (lifecycle.closed)
        {
            return Publication.CLOSED;
        }
        return 0;
    }

    /** Refuse publications from a replayed event's handler, then take a unit or apply the overflow strategy. */
    private long reserve(final ChannelState state, final OverflowStrategy whenFull)
    {
        if (EventThread.currentIsReplaying())
        {
            state.suppressed.increment();
            return Publication.SUPPRESSED;
        }
        if (state.tryReserve())
        {
            return 0;
        }
        return whenFull.onFull(overflows[state.channel.ordinal()]);
    }

    private <A> void handOff(final ChannelState state, final Event event, final Object item,
        final ChannelBinding<A> via, final A attachment, final boolean replay, final boolean late)
    {
        final ChannelBinding<?> bound = state.binding;
        if (bound != null)
        {
            if (!replay && event.journalOnDispatch() && !journal.appendLate(event))
            {
                // bound to a sink after the offer chose to journal late: the sink runs now, so the append does
                state.discarded.increment();
                state.releaseExtra();
                return;
            }
            try
            {
                if (bound == via)
                {
                    via.deliver(event, attachment, replay);
                }
                else
                {
                    bound.deliverWithoutAttachment(event, replay);
                }
            }
            catch (final Throwable t)
            {
                errors.recordJournal(t);
                completed(state, false);
            }
            return;
        }
        if (!replay && !late && state.handlers(event.topic(), event.origin()).length == 0)
        {
            // No handler here hears it: dispatched now, to nobody, so no worker wakes for it (on NATS, a topic
            // whose handlers are in other JVMs). A handler registered later would not have seen it either.
            state.releaseExtra();
            return;
        }
        if (!partitions.offer(event, item))
        {
            // Cannot happen: a channel's depth bounds every one of its queues. Account for it anyway.
            state.releaseExtra();
            state.discarded.increment();
        }
    }

    /** A sink reports one event finished (or its hand-off failed). */
    static void completed(final ChannelState state, final boolean ok)
    {
        if (ok)
        {
            state.delivered.increment();
        }
        else
        {
            state.handlerErrors.increment();
        }
        state.releaseExtra();
    }
}
