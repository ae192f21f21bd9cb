package dev.sxs.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import dev.sxs.kv.KvStore;

/**
 * The entities of a runtime, kept in the root store under {@link #PREFIX} (a hidden key, which no script can
 * name, list or reach through a scope, and which the JMX store view hides) and loaded at start, so they
 * survive restarts. {@link #ROOT} is built in: every right, never stored, never changed. Every change is
 * written to the store before it is published to the live entity, whose next check sees it.
 * <p>
 * Threading: any thread; changes are serialised on this object, look-ups are lock-free. Failure: the changes
 * throw {@link IllegalArgumentException} with the message a caller shows (no such entity, bad grant, ...).
 */
public final class Entities
{
    /** Where entities are stored in the root store: {@code "\0entity:" + ID}. */
    public static final String PREFIX = "\u0000entity:";
    /** The built-in entity with every right (the default local entity). */
    public static final String ROOT = "root";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final KvStore store;
    private final LongSupplier nanoClock;
    private final Map<String, LiveEntity> live = new ConcurrentHashMap<>();
    private final LongAdder denials = new LongAdder();

    private Entities(final KvStore store, final LongSupplier nanoClock)
    {
        this.store = store;
        this.nanoClock = nanoClock;
        live.put(ROOT, new LiveEntity(Entity.root(ROOT), nanoClock));
    }

    /**
     * Load the entities stored in {@code store}.
     *
     * @param store     the root store (not a scoped view).
     * @param nanoClock the rate limiters' clock ({@code System::nanoTime}).
     * @return the registry.
     */
    public static Entities open(final KvStore store, final LongSupplier nanoClock)
    {
        final Entities entities = new Entities(store, nanoClock);
        for (final String key : store.keys(PREFIX, 0, Integer.MAX_VALUE))
        {
            final String text = store.get(key);
            final String id = key.substring(PREFIX.length());
            if (text != null && !ROOT.equals(id))
            {
                entities.live.put(id, new LiveEntity(EntityCodec.decode(id, text), nanoClock));
            }
        }
        return entities;
    }

    /**
     * @param id an entity id.
     * @return the live entity, or null when there is none of that id.
     */
    public LiveEntity find(final String id)
    {
        return id == null ? null : live.get(id);
    }

    /**
     * @param id an entity id (e.g. a remote JMX user's name).
     * @return the live entity, or, when none exists, one with no right (not stored): a fresh entity may do
     *         nothing.
     */
    public LiveEntity resolve(final String id)
    {
        final LiveEntity found = find(id);
        return found != null ? found : new LiveEntity(Entity.fresh(id), nanoClock);
    }

    /** @return every entity, by id. */
    public List<Entity> list()
    {
        final List<Entity> out = new ArrayList<>();
        for (final LiveEntity e : live.values())
        {
            out.add(e.current());
        }
        out.sort(Comparator.comparing(Entity::id));
        return out;
    }

    /**
     * @param id a new entity's id: 1..64 of {@code A-Z a-z 0-9 . _ @ -}.
     * @return the new entity, with no right.
     */
    public synchronized Entity create(final String id)
    {
        if (id == null || !ID.matcher(id).matches())
        {
            throw new IllegalArgumentException("an entity id is 1..64 of A-Z a-z 0-9 . _ @ -, got '" + id + "'");
        }
        if (live.containsKey(id))
        {
            throw new IllegalArgumentException("entity '" + id + "' exists");
        }
        final Entity entity = Entity.fresh(id);
        store.put(PREFIX + id, EntityCodec.encode(entity));
        live.put(id, new LiveEntity(entity, nanoClock));
        return entity;
    }

    /**
     * Change an entity: store the new snapshot, then publish it.
     *
     * @param id     the entity.
     * @param change the change.
     * @return the new snapshot.
     */
    public synchronized Entity change(final String id, final UnaryOperator<Entity> change)
    {
        final LiveEntity entity = existing(id);
        final Entity next = change.apply(entity.current());
        store.put(PREFIX + id, EntityCodec.encode(next));
        entity.update(next);
        return next;
    }

    /**
     * Delete an entity: its open sessions lose every right at their next check.
     *
     * @param id the entity.
     */
    public synchronized void delete(final String id)
    {
        final LiveEntity entity = existing(id);
        store.remove(PREFIX + id);
        live.remove(id);
        entity.update(Entity.fresh(id));
    }

    private LiveEntity existing(final String id)
    {
        if (ROOT.equals(id))
        {
            throw new IllegalArgumentException("entity 'root' is built in: it has every right and cannot change");
        }
        final LiveEntity entity = find(id);
        if (entity == null)
        {
            throw new IllegalArgumentException("no entity '" + id + "'");
        }
        return entity;
    }

    /**
     * Grant rights: {@code R}, {@code W}, {@code RW} on a scope ({@code *} for every scope), or {@code P},
     * {@code S}, {@code PS} on {@code CHANNEL:TOPICS} ({@link EventGrant}). Rights on the same target add up.
     *
     * @param id     the entity.
     * @param rights the letters.
     * @param target the scope or the channel and topics.
     * @return the new snapshot.
     */
    public Entity grant(final String id, final String rights, final String target)
    {
        return isScopeRights(rights) ? change(id, e -> e.with(ScopeGrant.parse(rights, target)))
            : change(id, e -> e.with(EventGrant.parse(rights, target)));
    }

    /**
     * Take rights away from the grant on exactly that target (as {@link #grant} wrote it).
     *
     * @param id     the entity.
     * @param rights the letters to take away.
     * @param target the scope or the channel and topics.
     * @return the new snapshot.
     */
    public Entity revoke(final String id, final String rights, final String target)
    {
        return isScopeRights(rights) ? change(id, e -> e.without(ScopeGrant.parse(rights, target)))
            : change(id, e -> e.without(EventGrant.parse(rights, target)));
    }

    private static boolean isScopeRights(final String rights)
    {
        final String r = rights == null ? "" : rights.strip().toUpperCase(java.util.Locale.ROOT);
        if (r.matches("[RW]+"))
        {
            return true;
        }
        if (r.matches("[PS]+"))
        {
            return false;
        }
        throw new IllegalArgumentException("rights must be R, W, RW (on a scope) or P, S, PS (on CHANNEL:TOPICS), got '"
            + rights + "'");
    }

    /**
     * @param entity a snapshot.
     * @return one line: {@code ID home=SCOPE rate=N sessions=N admin grants=RW shop-a:, PS A:1-9}.
     */
    public static String describe(final Entity entity)
    {
        final StringBuilder out = new StringBuilder(entity.id());
        if (entity.isAll())
        {
            return out.append(" all rights (built in)").toString();
        }
        out.append(" home=").append(entity.home() == null ? "(default)" : "'" + entity.home() + "'")
            .append(" rate=").append(entity.rate()).append(" sessions=").append(entity.maxSessions());
        if (entity.isAdmin())
        {
            out.append(" admin");
        }
        out.append(" grants=");
        final List<String> grants = new ArrayList<>();
        entity.scopeGrants().forEach(g -> grants.add(g.toString()));
        entity.eventGrants().forEach(g -> grants.add(g.toString()));
        return out.append(grants.isEmpty() ? "none" : String.join(", ", grants)).toString();
    }

    /** Count one denial (the metrics read {@link #denials()}). */
    public void countDenial()
    {
        denials.increment();
    }

    /** @return the denials counted since start. */
    public long denials()
    {
        return denials.sum();
    }
}
