package dev.sxs.bench.events;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.DispatcherOptions;
import dev.sxs.events.Event;
import dev.sxs.events.EventJournal;
import dev.sxs.events.IdleMode;
import dev.sxs.events.OverflowPolicy;
import dev.sxs.events.Publication;
import dev.sxs.lang.IntValue;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;

/**
 * One publish-to-handler pipeline under test, all with one consumer thread, capacity 1024 and a
 * handler that receives a long (the publish time for latency runs). Kinds:
 * {@code sxs-backoff}, {@code sxs-busy-spin}, {@code sxs-blocking} (the dispatcher, one worker),
 * {@code executor} (ThreadPoolExecutor, one thread, ArrayBlockingQueue, publisher blocks when full),
 * {@code raw} (an Agrona MPMC queue and a busy-spinning consumer thread: the floor); and the peers
 * {@code disruptor-blocking}, {@code disruptor-busy-spin} ({@link DisruptorPipeline}) and
 * {@code queue-busy-spin} (Chronicle Queue append-to-tailer, {@link QueuePipeline}).
 */
abstract class Pipeline implements AutoCloseable
{
    static final int CAPACITY = 1024;

    abstract void publish(int topic, long value);

    /** Stops the consumer; an interrupt while waiting for it is kept on the thread, not thrown. */
    @Override
    public abstract void close();

    static Pipeline create(final String kind, final int topics, final LongConsumer handler, final EventJournal journal)
    {
        switch (kind)
        {
            case "sxs-backoff":
                return new Sxs(IdleMode.BACKOFF, topics, handler, journal);
            case "sxs-busy-spin":
                return new Sxs(IdleMode.BUSY_SPIN, topics, handler, journal);
            case "sxs-blocking":
                return new Sxs(IdleMode.BLOCKING, topics, handler, journal);
            case "executor":
                return new Executor(handler);
            case "raw":
                return new Raw(handler);
            case "disruptor-blocking":
                return new DisruptorPipeline(false, handler);
            case "disruptor-busy-spin":
                return new DisruptorPipeline(true, handler);
            case "queue-busy-spin":
                return new QueuePipeline(handler);
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    static final class Sxs extends Pipeline
    {
        private final Dispatcher dispatcher;

        Sxs(final IdleMode mode, final int topics, final LongConsumer handler, final EventJournal journal)
        {
            // one worker; the benchmark explicitly allows it to spin (the production cap is availableProcessors - 2)
            final DispatcherOptions options = DispatcherOptions.defaults()
                .withWorkers(1, mode, 1)
                .withQueue(CAPACITY, OverflowPolicy.BLOCK, 60_000);
            dispatcher = Dispatcher.start(options, journal);
            for (int t = 0; t < topics; t++)
            {
                dispatcher.subscribe(Channel.A, t, e -> handler.accept(((IntValue)e.payload()).value()), 25L);
            }
        }

        @Override
        void publish(final int topic, final long value)
        {
            final long r = dispatcher.publish(Channel.A, topic, IntValue.of(value), "");
            if (!Publication.isAccepted(r))
            {
                throw new IllegalStateException(Publication.describe(r));
            }
        }

        @Override
        public void close()
        {
            dispatcher.close();
        }
    }

    static final class Executor extends Pipeline
    {
        private final ThreadPoolExecutor executor;
        private final LongConsumer handler;

        Executor(final LongConsumer handler)
        {
            this.handler = handler;
            executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(CAPACITY),
                r ->
                {
                    final Thread t = new Thread(r, "bench-executor");
                    t.setDaemon(true);
                    return t;
                },
                (r, e) ->
                {
                    try
                    {
                        e.getQueue().put(r);
                    }
                    catch (final InterruptedException ex)
                    {
                        Thread.currentThread().interrupt();
                    }
                });
            executor.prestartAllCoreThreads();
        }

        @Override
        void publish(final int topic, final long value)
        {
            final IntValue payload = IntValue.of(value);
            executor.execute(() -> handler.accept(payload.value()));
        }

        @Override
        public void close()
        {
            executor.shutdown();
            try
            {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    static final class Raw extends Pipeline
    {
        private final ManyToManyConcurrentArrayQueue<Event> queue = new ManyToManyConcurrentArrayQueue<>(CAPACITY);
        private final Thread consumer;
        private volatile boolean running = true;

        Raw(final LongConsumer handler)
        {
            consumer = new Thread(() ->
            {
                while (running || !queue.isEmpty())
                {
                    final Event e = queue.poll();
                    if (e == null)
                    {
                        Thread.onSpinWait();
                        continue;
                    }
                    handler.accept(((IntValue)e.payload()).value());
                }
            }, "bench-raw");
            consumer.setDaemon(true);
            consumer.start();
        }

        @Override
        void publish(final int topic, final long value)
        {
            final Event e = new Event(0, 0, Channel.A, topic, IntValue.of(value), "");
            while (!queue.offer(e))
            {
                Thread.yield();
            }
        }

        @Override
        public void close()
        {
            running = false;
            try
            {
                consumer.join(10_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
