package dev.sxs.kv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * When the {@code sxs-kv-indexer} thread of a {@link WriteBehindKeyIndex} wakes up: once the pending log holds a
 * quarter of its capacity (the writer whose change reached that mark unparks it) or once an interval has passed
 * since it last emptied the log, whichever comes first; after some intervals without work it sleeps until the
 * next change (the first writer that finds it asleep unparks it).
 * <p>
 * Why not sooner: every wake-up of the indexer costs the writers. Measured with {@code perf} scheduler traces on
 * the 2-core test machine (docs/benchmarks.md, "Tails, wave 8"), 87% of the insert+remove calls over 20 us were
 * a wake-up of the indexer (its timer firing on the writer's core, then the indexer running there in the writer's
 * place for 10-30 us): when it woke 100 us after every short batch, about 1% of a streaming writer's calls paid it,
 * which was the whole p99 (54 us against raw Chronicle's 4.6). Waking once per few thousand changes puts that
 * cost on about one call in a thousand and gives the indexer larger batches for the same work. Readers never
 * depend on the indexer's pace: they apply what is pending themselves.
 * <p>
 * Threading: {@link #recorded} from any writer thread after its offer; {@link #pause} from the indexer thread
 * only; {@link #release} from any thread. Allocation: none.
 */
final class IndexerPacing
{
    private static final int RUNNING = 0;
    private static final int WAITING = 1;
    private static final int SLEEPING = 2;
    private static final VarHandle STATE;

    static
    {
        try
        {
            STATE = MethodHandles.lookup().findVarHandle(IndexerPacing.class, "state", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final PendingLog log;
    private final int wakeAt;
    private final long intervalNanos;
    private final int idleIntervals;
    private Thread indexer;
    private volatile int state;
    private final AtomicLong wakeups = new AtomicLong();
    private int emptyRounds;

    /**
     * @param log           the log the indexer drains.
     * @param wakeAt        pending changes at which a writer wakes an indexer waiting out its interval (at least 1).
     * @param intervalNanos longest wait of the indexer between two drains while changes arrive.
     * @param idleIntervals intervals without any change after which the indexer sleeps until the next change.
     */
    IndexerPacing(final PendingLog log, final int wakeAt, final long intervalNanos, final int idleIntervals)
    {
        this.log = log;
        this.wakeAt = Math.max(1, wakeAt);
        this.intervalNanos = intervalNanos;
        this.idleIntervals = idleIntervals;
    }

    /**
     * @param thread the indexer thread, before it starts.
     */
    void indexer(final Thread thread)
    {
        this.indexer = thread;
    }

    /**
     * Writer side, after a change was offered: wake the indexer when it sleeps, or when it waits out its interval
     * and the log reached the mark. One volatile read when neither holds (the usual case).
     */
    void recorded()
    {
        final int now = state;
        if (now == SLEEPING || now == WAITING && log.size() >= wakeAt)
        {
            wake(now);
        }
    }

    /**
     * Indexer side, after it emptied the log (or found it empty): wait for the next drain.
     *
     * @param applied changes the indexer applied since its last pause.
     * @param closing true once the owner closes (checked before parking; {@link #release} ends a park).
     */
    void pause(final int applied, final BooleanSupplier closing)
    {
        emptyRounds = applied > 0 ? 0 : emptyRounds + 1;
        if (emptyRounds > idleIntervals)
        {
            state = SLEEPING;
            if (log.isEmpty() && !closing.getAsBoolean())
            {
                LockSupport.park(this);
                wakeups.incrementAndGet();
            }
            emptyRounds = 0;
        }
        else
        {
            state = WAITING;
            if (log.size() < wakeAt && !closing.getAsBoolean())
            {
                LockSupport.parkNanos(this, intervalNanos);
                wakeups.incrementAndGet();
            }
        }
        state = RUNNING;
    }

    /** End a park of the indexer now (closing). */
    void release()
    {
        LockSupport.unpark(indexer);
    }

    /** @return times the indexer returned from a park. */
    long wakeups()
    {
        return wakeups.get();
    }

    /** @return pending changes at which a writer wakes a waiting indexer. */
    int wakeAt()
    {
        return wakeAt;
    }

    private void wake(final int seen)
    {
        if (STATE.compareAndSet(this, seen, RUNNING))
        {
            LockSupport.unpark(indexer);
        }
    }
}
