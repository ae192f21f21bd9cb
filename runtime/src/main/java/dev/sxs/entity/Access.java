package dev.sxs.entity;

import dev.sxs.events.Channel;

/**
 * What one session may do: its entity and scope, asked by the language on every KV command, {@code pub},
 * {@code sub}, {@code await} and each delivery to a handler. The scope rights are resolved once per entity
 * snapshot and cached, so a check is two field reads and a compare; a change to the entity is seen by the next
 * check. The deny methods build the message, tell the {@link DenialSink} (metrics, audit) and return it.
 * <p>
 * Threading: any thread (the cache is an immutable object published through a racy field: a stale one is
 * only recomputed). Allocation: none on the checks; the denial message on a denial.
 */
public final class Access
{
    /** Every right, no limit, nothing reported: sessions made without entities (tests, embedded use). */
    public static final Access UNRESTRICTED = new Access(new LiveEntity(Entity.root(Entities.ROOT), System::nanoTime),
        "", DenialSink.NONE);

    private final LiveEntity entity;
    private final String scope;
    private final DenialSink sink;
    private Resolved resolved;

    private static final class Resolved
    {
        private final Entity source;
        private final boolean read;
        private final boolean write;

        Resolved(final Entity source, final String scope)
        {
            this.source = source;
            this.read = source.may(Permission.READ, scope);
            this.write = source.may(Permission.WRITE, scope);
        }
    }

    /**
     * @param entity who.
     * @param scope  the session's scope.
     * @param sink   where denials go.
     */
    public Access(final LiveEntity entity, final String scope, final DenialSink sink)
    {
        this.entity = entity;
        this.scope = scope;
        this.sink = sink;
        this.resolved = new Resolved(entity.current(), scope);
    }

    /** @return the entity. */
    public LiveEntity entity()
    {
        return entity;
    }

    /** @return the scope these rights are for. */
    public String scope()
    {
        return scope;
    }

    /** @return true when the entity may read the scope now. */
    public boolean mayRead()
    {
        return resolve().read;
    }

    /** @return true when the entity may write the scope now. */
    public boolean mayWrite()
    {
        return resolve().write;
    }

    /**
     * @param channel the channel.
     * @param topic   the topic.
     * @return true when the entity may publish there now (the rate limit is {@link #tryPublish}).
     */
    public boolean mayPublish(final Channel channel, final int topic)
    {
        return entity.current().may(Permission.PUBLISH, channel, topic);
    }

    /**
     * @param channel the channel.
     * @param topic   the topic.
     * @return true when the entity may subscribe (or await) there now.
     */
    public boolean maySubscribe(final Channel channel, final int topic)
    {
        return entity.current().may(Permission.SUBSCRIBE, channel, topic);
    }

    /** @return true when one more publish fits the entity's rate limit (and is counted). */
    public boolean tryPublish()
    {
        return entity.tryPublish();
    }

    /** @return true when the entity holds the admin right now. */
    public boolean isAdmin()
    {
        return entity.current().isAdmin();
    }

    /**
     * @param permission {@link Permission#READ} or {@link Permission#WRITE}.
     * @return the reported denial, {@code entity 'ID' may not write scope 'SCOPE'}.
     */
    public String denyScope(final Permission permission)
    {
        return deny(Denials.scope(entity.id(), permission, scope));
    }

    /**
     * @param permission {@link Permission#PUBLISH} or {@link Permission#SUBSCRIBE}.
     * @param channel    the channel.
     * @param topic      the topic.
     * @return the reported denial, {@code entity 'ID' may not publish on channel A topic 7}.
     */
    public String denyEvent(final Permission permission, final Channel channel, final int topic)
    {
        return deny(Denials.event(entity.id(), permission, channel, topic));
    }

    /** @return the reported denial of a publish over the rate limit. */
    public String denyRate()
    {
        return deny(Denials.rate(entity.id(), entity.current().rate()));
    }

    /**
     * @param message a denial message.
     * @return it, after telling the sink.
     */
    public String deny(final String message)
    {
        sink.denied(entity.id(), message);
        return message;
    }

    /**
     * @param change an entity change this session made, for the audit record.
     */
    public void changed(final String change)
    {
        sink.changed(entity.id(), change);
    }

    private Resolved resolve()
    {
        final Entity now = entity.current();
        final Resolved r = resolved;
        if (r.source == now)
        {
            return r;
        }
        final Resolved fresh = new Resolved(now, scope);
        resolved = fresh;
        return fresh;
    }
}
