package dev.sxs.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.sxs.entity.Access;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.Subscription;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Session;

/**
 * The open sessions of one runtime. Named sessions are shared by every submission naming them and live
 * until closed (or the runtime stops); unnamed ones are made per submission and stay listed only while
 * they own handlers, so an operator can see and close what an eval left behind. Closing a session
 * removes its handlers from the dispatcher ({@link Dispatcher#unsubscribeAll}).
 * <p>
 * Threading: every method is safe from any thread; opening and closing named sessions are serialised.
 * Allocation: a session and its scoped store view per open.
 */
public final class SessionRegistry
{
    /**
     * Topic an unnamed session reports; the gateway places each of its scripts on an idle processor instead
     * ({@link dev.sxs.gateway.ScriptQueue#topicFor}), since one submission never needs order with another.
     */
    public static final int UNNAMED_TOPIC = 0;
    /** Topics named sessions are spread over: 0..65534 (65535 is the audit records' topic). */
    public static final int TOPICS = 65535;

    private final KvStore root;
    private final LogSink log;
    private final Dispatcher dispatcher;
    private final Map<Long, SxsSession> open = new ConcurrentHashMap<>();
    private final Map<String, SxsSession> named = new HashMap<>();
    private final Object lock = new Object();
    private final List<SessionResources> resources = new CopyOnWriteArrayList<>();

    /**
     * @param root       the root store; sessions see it through their scope.
     * @param log        where the sessions' log lines go.
     * @param dispatcher where their handlers are registered.
     */
    public SessionRegistry(final KvStore root, final LogSink log, final Dispatcher dispatcher)
    {
        this.root = Objects.requireNonNull(root, "root");
        this.log = Objects.requireNonNull(log, "log");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /**
     * Resources sessions own besides handlers: an unnamed session owning any stays open after its script, and
     * closing a session removes them too.
     *
     * @param owned the resources (e.g. the probes).
     * @return the same resources, for removing them later with {@link #disown}.
     */
    public SessionResources own(final SessionResources owned)
    {
        resources.add(Objects.requireNonNull(owned, "owned"));
        return owned;
    }

    /**
     * @param owned resources registered with {@link #own}; sessions stop owning them (at stop).
     */
    public void disown(final SessionResources owned)
    {
        resources.remove(owned);
    }

    /**
     * Open a session, or find the open one of that name.
     *
     * @param name      the name; null for a new unnamed session.
     * @param principal who asks.
     * @param scope     the scope of a new session (resolved; "" for root).
     * @param replace   close an open session of that name first.
     * @return the session: the existing named one (whatever its scope), or a new one.
     */
    public SxsSession open(final String name, final Principal principal, final String scope, final boolean replace)
    {
        return open(name, principal, scope, replace, Access.UNRESTRICTED);
    }

    /**
     * Open a session run as an entity, or find the open one of that name.
     *
     * @param name      the name; null for a new unnamed session.
     * @param principal who asks.
     * @param scope     the scope of a new session (resolved; "" for root).
     * @param replace   close an open session of that name first.
     * @param access    what its entity may do in {@code scope}; a new session counts against its most sessions.
     * @return the session: the existing named one (whatever its scope and entity), or a new one; null when a new
     *         one would exceed the entity's most sessions.
     */
    public SxsSession open(final String name, final Principal principal, final String scope, final boolean replace,
        final Access access)
    {
        if (name == null)
        {
            return access.entity().tryOpenSession() ? register(create(null, principal, scope, access)) : null;
        }
        synchronized (lock)
        {
            final SxsSession existing = named.get(name);
            if (existing != null && existing.isOpen() && !replace)
            {
                return existing;
            }
            if (existing != null)
            {
                close(existing);
            }
            if (!access.entity().tryOpenSession())
            {
                return null;
            }
            final SxsSession session = create(name, principal, scope, access);
            named.put(name, session);
            return register(session);
        }
    }

    private SxsSession create(final String name, final Principal principal, final String scope, final Access access)
    {
        final Session context = Session.create(scope, root.scoped(scope), log, access);
        return new SxsSession(this, context, name, principal, name == null ? UNNAMED_TOPIC
            : (int)(context.id() % TOPICS));
    }

    private SxsSession register(final SxsSession session)
    {
        open.put(session.id(), session);
        return session;
    }

    /**
     * @param name a session name.
     * @return the open session of that name, or null.
     */
    public SxsSession named(final String name)
    {
        synchronized (lock)
        {
            final SxsSession s = named.get(name);
            return s != null && s.isOpen() ? s : null;
        }
    }

    /**
     * @param nameOrId a session name, or its id in decimal.
     * @return the open session, or null.
     */
    public SxsSession find(final String nameOrId)
    {
        if (nameOrId == null || nameOrId.isBlank())
        {
            return null;
        }
        final SxsSession byName = named(nameOrId.strip());
        if (byName != null)
        {
            return byName;
        }
        try
        {
            return open.get(Long.parseLong(nameOrId.strip()));
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }

    /**
     * Close a session: it leaves the registry and its handlers are removed. Idempotent.
     *
     * @param session the session.
     * @return the number of handlers removed.
     */
    public int close(final SxsSession session)
    {
        synchronized (lock)
        {
            if (!session.isOpen())
            {
                return 0;
            }
            session.markClosed();
            session.context().access().entity().sessionClosed();
            open.remove(session.id());
            if (session.isNamed())
            {
                named.remove(session.name(), session);
            }
        }
        for (final SessionResources owned : resources)
        {
            owned.removeOwnedBy(session.id());
        }
        return dispatcher.unsubscribeAll(session.id());
    }

    void released(final SxsSession session)
    {
        if (!session.isNamed() && session.isOpen() && dispatcher.subscriptionsOf(session.id()).isEmpty()
            && !ownsResources(session.id()))
        {
            close(session);
        }
    }

    private boolean ownsResources(final long sessionId)
    {
        for (final SessionResources owned : resources)
        {
            if (owned.ownedBy(sessionId))
            {
                return true;
            }
        }
        return false;
    }

    /** @return the open sessions, by id. */
    public List<SxsSession> list()
    {
        final List<SxsSession> out = new ArrayList<>(open.values());
        out.sort(Comparator.comparingLong(SxsSession::id));
        return out;
    }

    /** @return the number of open sessions. */
    public int size()
    {
        return open.size();
    }

    /**
     * @param session a session.
     * @return the handlers it registered, by channel and topic.
     */
    public List<HandlerInfo> handlers(final SxsSession session)
    {
        final List<HandlerInfo> out = new ArrayList<>();
        for (final Subscription s : dispatcher.subscriptionsOf(session.id()))
        {
            out.add(new HandlerInfo(session.id(), s.channel(), s.topic(), session.principal().origin(),
                HandlerInfo.firstLine(String.valueOf(s.handler()))));
        }
        out.sort(Comparator.comparing(HandlerInfo::channel).thenComparingInt(HandlerInfo::topic));
        return out;
    }
}
