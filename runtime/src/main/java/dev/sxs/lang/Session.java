package dev.sxs.lang;

import dev.sxs.kv.KvStore;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who a script runs as: a scope (hidden key prefix, "" for the root), the store as seen through
 * that scope, a log sink and a unique id (handlers registered by a session are owned by its id).
 * <p>
 * Threading: immutable; one session may be used by many contexts on many threads.
 */
public final class Session
{
    private static final AtomicLong IDS = new AtomicLong();

    private final long id;
    private final String scope;
    private final KvStore store;
    private final LogSink log;

    /**
     * @param id    unique id of the session.
     * @param scope the scope prefix, "" for root.
     * @param store the store as seen in that scope: keys given to it and returned by it have the
     *              scope removed. The session does not own it and never closes it.
     * @param log   where log lines go.
     */
    public Session(final long id, final String scope, final KvStore store, final LogSink log)
    {
        this.id = id;
        this.scope = Objects.requireNonNull(scope, "scope");
        this.store = Objects.requireNonNull(store, "store");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * A session with a fresh unique id.
     *
     * @param scope the scope prefix, "" for root.
     * @param store the store already scoped to {@code scope}.
     * @param log   where log lines go.
     * @return the session.
     */
    public static Session create(final String scope, final KvStore store, final LogSink log)
    {
        return new Session(IDS.incrementAndGet(), scope, store, log);
    }

    /** @return the unique id. */
    public long id()
    {
        return id;
    }

    /** @return the scope prefix, "" for root. */
    public String scope()
    {
        return scope;
    }

    /** @return the store seen through the scope. */
    public KvStore store()
    {
        return store;
    }

    /** @return the log sink. */
    public LogSink log()
    {
        return log;
    }

    @Override
    public String toString()
    {
        return "Session{id=" + id + ", scope='" + scope + "'}";
    }
}
