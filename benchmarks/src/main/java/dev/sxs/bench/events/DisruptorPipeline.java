package dev.sxs.bench.events;

import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;

/**
 * The LMAX Disruptor 4 as a user would set it up for one producer and one consumer: a ring of
 * {@link Pipeline#CAPACITY} (1024, a power of two as the ring needs) preallocated mutable events,
 * {@link ProducerType#SINGLE}, one event handler on its own thread. The publisher claims a slot
 * ({@code next}, which waits while the ring is full), writes the long into it and publishes it; nothing is
 * allocated per event. Wait strategy of the consumer: {@link BlockingWaitStrategy} (the Disruptor's default,
 * a lock and a condition; the peer of sxs's parking {@code backoff}) or {@link BusySpinWaitStrategy} (the
 * peer of sxs's {@code busy-spin}).
 */
final class DisruptorPipeline extends Pipeline
{
    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;

    DisruptorPipeline(final boolean busySpin, final LongConsumer handler)
    {
        final WaitStrategy wait = busySpin ? new BusySpinWaitStrategy() : new BlockingWaitStrategy();
        disruptor = new Disruptor<>(Slot::new, CAPACITY, runnable ->
        {
            final Thread t = new Thread(runnable, "bench-disruptor");
            t.setDaemon(true);
            return t;
        }, ProducerType.SINGLE, wait);
        disruptor.handleEventsWith((slot, sequence, endOfBatch) -> handler.accept(slot.value));
        ring = disruptor.start();
    }

    @Override
    void publish(final int topic, final long value)
    {
        final long sequence = ring.next();
        ring.get(sequence).value = value;
        ring.publish(sequence);
    }

    @Override
    public void close()
    {
        try
        {
            disruptor.shutdown(10, TimeUnit.SECONDS);
        }
        catch (final TimeoutException ex)
        {
            disruptor.halt();
        }
    }

    /** A preallocated ring slot: the value the publisher wrote. */
    private static final class Slot
    {
        long value;
    }
}
