package dev.sxs.lang;

import dev.sxs.entity.Access;
import dev.sxs.kv.KvStore;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who a script runs as: a scope (hidden key prefix, "" for the root), the store as seen through
 * that scope, a log sink, a unique id (handlers registered by a session are owned by its id) and the
 * {@link Access} of its entity there, which every KV and event command asks first.
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
    private final Access access;

    /**
     * @param id    unique id of the session.
     * @param scope the scope prefix, "" for root.
     * @param store the store as seen in that scope: keys given to it and returned by it have the
     *              scope removed. The session does not own it and never closes it.
     * @param log   where log lines go.
     */
    public Session(final long id, final String scope, final KvStore store, final LogSink log)
    {
        this(id, scope, store, log, Access.UNRESTRICTED);
    }

    /**
     * @param id     unique id of the session.
     * @param scope  the scope prefix, "" for root.
     * @param store  the store as seen in that scope (not owned).
     * @param log    where log lines go.
     * @param access what its entity may do in that scope.
     */
    public Session(final long id, final String scope, final KvStore store, final LogSink log, final Access access)
    {
        this.access = Objects.requireNonNull(access, "access");
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

    /**
     * A session with a fresh unique id, run as an entity.
     *
     * @param scope  the scope prefix, "" for root.
     * @param store  the store already scoped to {@code scope}.
     * @param log    where log lines go.
     * @param access what its entity may do there.
     * @return the session.
     */
    public static Session create(final String scope, final KvStore store, final LogSink log, final Access access)
    {
        return new Session(IDS.incrementAndGet(), scope, store, log, access);
    }

    /** @return what its entity may do in its scope (every right for a session made without entities). */
    public Access access()
    {
        return access;
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
