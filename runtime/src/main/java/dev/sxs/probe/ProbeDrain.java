package dev.sxs.probe;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import dev.sxs.concurrent.SxsThreadFactory;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

/**
 * Where host threads leave their published calls, and the one sxs thread that turns them into events: the
 * payload, the gateway's checks (the sender's entity, its grants and rate) and the offer to the channel run
 * here, not on the host's thread, which only adds the call to a bounded queue (one CAS) and reads a flag.
 * <p>
 * The drain's thread never makes a host thread pay for its wake-up while calls keep coming: after a call it
 * parks {@value #SHORT_PARK_NANOS} ns at a time for {@value #BUSY_WINDOW_NANOS} ns and finds new calls itself;
 * only after that quiet spell does it raise {@link #sleeping} and park until the next call unparks it (or
 * {@code sleepNanos} pass, which bounds the cost of a lost wake-up). A call therefore waits up to one short
 * park before the dispatcher has its event.
 * <p>
 * Threading: {@link #offer} from any number of host threads, lock-free and never waiting; {@link #start} and
 * {@link #close} from one managing thread. Failure: {@link #offer} never throws; a full queue refuses the call
 * (the caller counts it as dropped). Allocation: none per call here.
 */
public final class ProbeDrain implements AutoCloseable
{
    /** Calls the queue holds before it refuses more. */
    public static final int DEFAULT_CAPACITY = 8192;
    /** The park between looks while calls keep coming: the longest a call waits for the drain. */
    public static final long SHORT_PARK_NANOS = 100_000;
    /** How long after the last call the drain keeps parking short before it sleeps. */
    public static final long BUSY_WINDOW_NANOS = 10_000_000;
    /** The longest sleep without a call: what a lost wake-up could cost at most. */
    public static final long DEFAULT_SLEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final int BATCH = 256;
    private static final long JOIN_MILLIS = 5_000;

    private final ManyToOneConcurrentArrayQueue<ProbeCall> calls;
    private final Consumer<ProbeCall> deliver = call -> call.probe().deliver(call);
    private final SxsThreadFactory threads;
    private final long sleepNanos;
    private volatile boolean sleeping;
    private volatile boolean running;
    /** Calls turned into events so far, for {@link #awaitDelivered}: written after every batch, so padded. */
    private final PaddedCounter delivered = new PaddedCounter();
    private volatile Thread thread;

    /**
     * @param threads    sxs's thread factory.
     * @param capacity   calls the queue holds (rounded up to a power of two).
     * @param sleepNanos the longest park once quiet ({@link #DEFAULT_SLEEP_NANOS}).
     */
    public ProbeDrain(final SxsThreadFactory threads, final int capacity, final long sleepNanos)
    {
        this.threads = threads;
        this.calls = new ManyToOneConcurrentArrayQueue<>(capacity);
        this.sleepNanos = sleepNanos;
    }

    /**
     * @param threads sxs's thread factory.
     */
    public ProbeDrain(final SxsThreadFactory threads)
    {
        this(threads, DEFAULT_CAPACITY, DEFAULT_SLEEP_NANOS);
    }

    /** Start the drain's thread, once; later calls do nothing. */
    public synchronized void start()
    {
        if (thread == null)
        {
            running = true;
            thread = threads.newThread(this::run, SxsThreadFactory.NAME_PREFIX + "probe-drain");
            thread.start();
        }
    }

    /**
     * Leave a call for the drain. Never waits; wakes the drain only if it sleeps after a quiet spell.
     *
     * @param call the call.
     * @return false when the queue is full (the call is not taken).
     */
    boolean offer(final ProbeCall call)
    {
        if (!calls.offer(call))
        {
            return false;
        }
        // the offer's CAS on the tail is a full fence before this read; the drain re-reads the tail after
        // raising the flag (Dekker), so a call is never left behind a sleeping drain
        if (sleeping)
        {
            LockSupport.unpark(thread);
        }
        return true;
    }

    /**
     * Wait until every call offered before this method began has been turned into an event (or dropped).
     *
     * @param timeoutMillis how long to wait at most.
     * @return true when they have; false on timeout.
     */
    public boolean awaitDelivered(final long timeoutMillis)
    {
        final long target = calls.addedCount();
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (delivered.get() < target)
        {
            if (System.nanoTime() - deadline > 0)
            {
                return false;
            }
            LockSupport.parkNanos(SHORT_PARK_NANOS);
        }
        return true;
    }

    /** @return true while the drain sleeps after a quiet spell (a call wakes it). */
    boolean sleeping()
    {
        return sleeping;
    }

    private void run()
    {
        long lastCall = System.nanoTime() - BUSY_WINDOW_NANOS;
        while (running)
        {
            if (drainOnce() > 0)
            {
                lastCall = System.nanoTime();
            }
            else if (System.nanoTime() - lastCall < BUSY_WINDOW_NANOS)
            {
                LockSupport.parkNanos(this, SHORT_PARK_NANOS);
            }
            else
            {
                sleeping = true;
                if (calls.isEmpty() && running)
                {
                    LockSupport.parkNanos(this, sleepNanos);
                }
                sleeping = false;
            }
        }
        // calls left at close are still turned into events while the gateway takes them
        int left;
        do
        {
            left = drainOnce();
        }
        while (left > 0);
    }

    private int drainOnce()
    {
        final int n = calls.drain(deliver, BATCH);
        if (n > 0)
        {
            delivered.set(calls.removedCount());
        }
        return n;
    }

    /** Stop the drain's thread after it has turned the calls left into events. Idempotent; never throws. */
    @Override
    public synchronized void close()
    {
        final Thread t = thread;
        if (t == null || !running)
        {
            return;
        }
        running = false;
        LockSupport.unpark(t);
        try
        {
            t.join(JOIN_MILLIS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
