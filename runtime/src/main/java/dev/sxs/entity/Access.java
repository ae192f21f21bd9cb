package dev.sxs.entity;

import dev.sxs.events.Channel;

/**
 * What one session may do: its entity and scope, asked by the language on every KV command, {@code pub},
 * {@code sub}, {@code await} and each delivery to a handler. The scope rights are resolved once per entity
 * snapshot and cached, so a check is two field reads and a compare; the event rights ({@code P}, {@code S}) are
 * resolved per channel and topic the first time they are asked under a snapshot and cached in a small table
 * (four topics a channel, by the topic's low bits), so asking again is the same compare and one array read.
 * A change to the entity publishes a new snapshot, which drops every cached answer at the next check: a revoke
 * stops the next publish or delivery, a grant allows it.
 * The deny methods build the message, tell the {@link DenialSink} (metrics, audit) and return it.
 * <p>
 * Threading: any thread (the cache is an object per snapshot published through a racy field: a stale one is only
 * recomputed; its event slots are whole ints, each derived from that snapshot alone, so racing writers agree).
 * Allocation: none on the checks (a small table once per entity snapshot, none for root); the denial message on
 * a denial.
 */
public final class Access
{
    /** Every right, no limit, nothing reported: sessions made without entities (tests, embedded use). */
    public static final Access UNRESTRICTED = new Access(new LiveEntity(Entity.root(Entities.ROOT), System::nanoTime),
        "", DenialSink.NONE);

    private static final int CHANNELS = Channel.values().length;
    /** log2 of the topics cached per channel: a session's few topics rarely share a slot. */
    private static final int SLOT_BITS = 2;
    private static final int SLOT_MASK = (1 << SLOT_BITS) - 1;
    private static final int RESOLVED = 1 << 16;
    private static final int KEY_MASK = RESOLVED | Channel.MAX_TOPIC;
    private static final int PUBLISH = 1 << 17;
    private static final int SUBSCRIBE = 1 << 18;

    private final LiveEntity entity;
    private final String scope;
    private final DenialSink sink;
    private Resolved resolved;

    /** What one entity snapshot allows in this session's scope, with its event answers cached as asked. */
    private static final class Resolved
    {
        private final Entity source;
        private final boolean read;
        private final boolean write;
        /** Per channel and topic slot: {@code topic | RESOLVED | PUBLISH? | SUBSCRIBE?}, 0 when not asked yet. */
        private final int[] events;

        Resolved(final Entity source, final String scope)
        {
            this.source = source;
            this.read = source.may(Permission.READ, scope);
            this.write = source.may(Permission.WRITE, scope);
            this.events = source.isAll() ? null : new int[CHANNELS << SLOT_BITS];
        }

        boolean may(final int right, final Channel channel, final int topic)
        {
            final int[] cache = events;
            if (cache == null)
            {
                return true;
            }
            final int slot = channel.ordinal() << SLOT_BITS | topic & SLOT_MASK;
            final int answer = cache[slot];
            if ((answer & KEY_MASK) == (topic | RESOLVED)) // never for a topic outside 0..65535
            {
                return (answer & right) != 0;
            }
            final boolean publish = source.may(Permission.PUBLISH, channel, topic);
            final boolean subscribe = source.may(Permission.SUBSCRIBE, channel, topic);
            if ((topic & ~Channel.MAX_TOPIC) == 0)
            {
                // a racing thread may write the same slot: each int is whole and derived from this one snapshot
                cache[slot] = topic | RESOLVED | (publish ? PUBLISH : 0) | (subscribe ? SUBSCRIBE : 0);
            }
            return right == PUBLISH ? publish : subscribe;
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
        return resolve().may(PUBLISH, channel, topic);
    }

    /**
     * @param channel the channel.
     * @param topic   the topic.
     * @return true when the entity may subscribe (or await) there now.
     */
    public boolean maySubscribe(final Channel channel, final int topic)
    {
        return resolve().may(SUBSCRIBE, channel, topic);
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
