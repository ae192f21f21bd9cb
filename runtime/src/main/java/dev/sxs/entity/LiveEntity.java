package dev.sxs.entity;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * An entity while the runtime runs: its current {@link Entity} snapshot (replaced whole on every change, so a
 * revoke is seen by the next check), its publish {@link RateLimiter} (shared by all its sessions) and the count
 * of its open sessions. Sessions and their {@link Access} hold it.
 * <p>
 * Threading: any thread; the snapshot is a volatile field, the session count atomic.
 */
public final class LiveEntity
{
    private final String id;
    private final RateLimiter limiter;
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile Entity current;

    /**
     * @param entity    the first snapshot.
     * @param nanoClock the rate limiter's clock.
     */
    public LiveEntity(final Entity entity, final LongSupplier nanoClock)
    {
        this.id = entity.id();
        this.current = entity;
        this.limiter = new RateLimiter(entity.rate(), nanoClock);
    }

    /** @return the id. */
    public String id()
    {
        return id;
    }

    /** @return the current snapshot (one volatile read). */
    public Entity current()
    {
        return current;
    }

    void update(final Entity entity)
    {
        if (limiter.limit() != entity.rate())
        {
            limiter.setLimit(entity.rate());
        }
        current = entity;
    }

    /** @return true when one more publish fits its rate limit now (and is counted). */
    public boolean tryPublish()
    {
        return limiter.tryAcquire();
    }

    /** @return true when one more session may open (and is counted); false at its most sessions. */
    public boolean tryOpenSession()
    {
        while (true)
        {
            final int open = sessions.get();
            final int max = current.maxSessions();
            if (max > 0 && open >= max)
            {
                return false;
            }
            if (sessions.compareAndSet(open, open + 1))
            {
                return true;
            }
        }
    }

    /** Say one of its sessions closed. */
    public void sessionClosed()
    {
        sessions.decrementAndGet();
    }

    /** @return its open sessions. */
    public int openSessions()
    {
        return sessions.get();
    }

    @Override
    public String toString()
    {
        return "entity '" + id + "'";
    }
}
