package dev.sxs.session;

import java.util.Objects;

import dev.sxs.lang.Session;

/**
 * One session of a runtime: an id, an optional name, the {@link Principal} that opened it, a scope, the
 * execution-channel topic its scripts run on (so one processor runs them, in order), the language
 * context scripts evaluate in ({@link #context()}, whose id owns the session's handlers) and a lifecycle.
 * Handlers it registered are listed and removed through its {@link SessionRegistry}.
 * <p>
 * Threading: immutable apart from the state, which any thread may read.
 */
public final class SxsSession
{
    /** The name shown for an unnamed session. */
    public static final String UNNAMED = "-";

    private final SessionRegistry registry;
    private final Session context;
    private final String name;
    private final Principal principal;
    private final int topic;
    private final long openedAtMillis;
    private volatile SessionState state = SessionState.OPEN;

    SxsSession(final SessionRegistry registry, final Session context, final String name, final Principal principal,
        final int topic)
    {
        this.registry = registry;
        this.context = Objects.requireNonNull(context, "context");
        this.name = name;
        this.principal = Objects.requireNonNull(principal, "principal");
        this.topic = topic;
        this.openedAtMillis = System.currentTimeMillis();
    }

    /** @return the unique id (the id of {@link #context()}, the owner id of its handlers). */
    public long id()
    {
        return context.id();
    }

    /** @return the name, or null for an unnamed session. */
    public String name()
    {
        return name;
    }

    /** @return true when the session has a name (it lives until closed or stop). */
    public boolean isNamed()
    {
        return name != null;
    }

    /** @return who opened it. */
    public Principal principal()
    {
        return principal;
    }

    /** @return the id of the entity it runs as. */
    public String entity()
    {
        return context.access().entity().id();
    }

    /** @return the scope, "" for root. */
    public String scope()
    {
        return context.scope();
    }

    /** @return the execution-channel topic its scripts are submitted on. */
    public int topic()
    {
        return topic;
    }

    /** @return when it was opened, epoch milliseconds. */
    public long openedAtMillis()
    {
        return openedAtMillis;
    }

    /** @return the evaluation context of the language (scope, scoped store, log, id). */
    public Session context()
    {
        return context;
    }

    /** @return the lifecycle state. */
    public SessionState state()
    {
        return state;
    }

    /** @return true while open. */
    public boolean isOpen()
    {
        return state == SessionState.OPEN;
    }

    void markClosed()
    {
        state = SessionState.CLOSED;
    }

    /**
     * Say a submission that ran in this session has ended: an unnamed session that registered no handler
     * is then closed (nothing is left to list or remove). Named sessions stay open. Never throws.
     */
    public void release()
    {
        registry.released(this);
    }

    /** @return {@code ID NAME PRINCIPAL SCOPE STATE}, the scope quoted. */
    @Override
    public String toString()
    {
        return id() + " " + (name == null ? UNNAMED : name) + " " + principal + " \"" + scope() + "\" "
            + state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
