package dev.sxs.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.sxs.events.Channel;

/**
 * One entity as it stands: its id, home scope, scope and event grants, publish rate limit, most sessions and
 * admin right. Immutable: every change makes a new snapshot ({@link #with(ScopeGrant)}, ...), which
 * {@link Entities} publishes to the live entity. A fresh entity may do nothing; the built-in {@link #root}
 * may do everything.
 * <p>
 * Threading: immutable, any thread. Allocation: the checks ({@link #may(Permission, String)},
 * {@link #may(Permission, Channel, int)}) allocate nothing; they scan the grants, which are few.
 */
public final class Entity
{
    private final String id;
    private final String home;
    private final ScopeGrant[] scopes;
    private final EventGrant[] events;
    private final int rate;
    private final int maxSessions;
    private final boolean admin;
    private final boolean all;

    Entity(final String id, final String home, final ScopeGrant[] scopes, final EventGrant[] events, final int rate,
        final int maxSessions, final boolean admin, final boolean all)
    {
        this.id = Objects.requireNonNull(id, "id");
        this.home = home;
        this.scopes = scopes;
        this.events = events;
        this.rate = rate;
        this.maxSessions = maxSessions;
        this.admin = admin;
        this.all = all;
    }

    /**
     * @param id the id.
     * @return an entity with no right at all (what {@link Entities#create} makes).
     */
    public static Entity fresh(final String id)
    {
        return new Entity(id, null, new ScopeGrant[0], new EventGrant[0], 0, 0, false, false);
    }

    /**
     * @param id the id.
     * @return an entity with every right and no limit (the built-in {@code root}).
     */
    public static Entity root(final String id)
    {
        return new Entity(id, null, new ScopeGrant[0], new EventGrant[0], 0, 0, true, true);
    }

    /** @return the id. */
    public String id()
    {
        return id;
    }

    /** @return the scope of its sessions that name none, or null for the runtime's default scope. */
    public String home()
    {
        return home;
    }

    /** @return the scope grants, in the order granted. */
    public List<ScopeGrant> scopeGrants()
    {
        return List.of(scopes);
    }

    /** @return the event grants, in the order granted. */
    public List<EventGrant> eventGrants()
    {
        return List.of(events);
    }

    /** @return publishes allowed per sliding second, 0 for no limit. */
    public int rate()
    {
        return rate;
    }

    /** @return sessions it may have open at once, 0 for no limit. */
    public int maxSessions()
    {
        return maxSessions;
    }

    /** @return true when it may manage entities and act as others ({@code eval --as}). */
    public boolean isAdmin()
    {
        return admin || all;
    }

    /** @return true for an entity with every right (root). */
    public boolean isAll()
    {
        return all;
    }

    /**
     * @param permission {@link Permission#READ} or {@link Permission#WRITE}.
     * @param scope      the scope.
     * @return true when a grant covers the scope with that permission. Allocation: none.
     */
    public boolean may(final Permission permission, final String scope)
    {
        if (all)
        {
            return true;
        }
        final boolean read = permission == Permission.READ;
        for (final ScopeGrant g : scopes)
        {
            if ((read ? g.read() : g.write()) && g.covers(scope))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param scope the scope.
     * @return true when it may read or write there (what running a script or publishing into a scope needs).
     */
    public boolean mayUse(final String scope)
    {
        return may(Permission.READ, scope) || may(Permission.WRITE, scope);
    }

    /**
     * @param permission {@link Permission#PUBLISH} or {@link Permission#SUBSCRIBE}.
     * @param channel    the channel.
     * @param topic      the topic.
     * @return true when a grant covers them with that permission. Allocation: none.
     */
    public boolean may(final Permission permission, final Channel channel, final int topic)
    {
        if (all)
        {
            return true;
        }
        final boolean publish = permission == Permission.PUBLISH;
        for (final EventGrant g : events)
        {
            if ((publish ? g.publish() : g.subscribe()) && g.covers(channel, topic))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param grant a scope grant; rights on the same scope add up.
     * @return the changed snapshot.
     */
    public Entity with(final ScopeGrant grant)
    {
        final List<ScopeGrant> out = new ArrayList<>();
        boolean merged = false;
        for (final ScopeGrant g : scopes)
        {
            if (g.scope().equals(grant.scope()))
            {
                out.add(new ScopeGrant(g.scope(), g.read() || grant.read(), g.write() || grant.write()));
                merged = true;
            }
            else
            {
                out.add(g);
            }
        }
        if (!merged)
        {
            out.add(grant);
        }
        return new Entity(id, home, out.toArray(new ScopeGrant[0]), events, rate, maxSessions, admin, all);
    }

    /**
     * @param grant an event grant; rights on the same target add up.
     * @return the changed snapshot.
     */
    public Entity with(final EventGrant grant)
    {
        final List<EventGrant> out = new ArrayList<>();
        boolean merged = false;
        for (final EventGrant g : events)
        {
            if (g.target().equals(grant.target()))
            {
                out.add(new EventGrant(g.channel(), g.low(), g.high(), g.publish() || grant.publish(),
                    g.subscribe() || grant.subscribe()));
                merged = true;
            }
            else
            {
                out.add(g);
            }
        }
        if (!merged)
        {
            out.add(grant);
        }
        return new Entity(id, home, scopes, out.toArray(new EventGrant[0]), rate, maxSessions, admin, all);
    }

    /**
     * @param grant the rights to take away from the grant on the same scope (no other grant changes).
     * @return the changed snapshot.
     */
    public Entity without(final ScopeGrant grant)
    {
        final List<ScopeGrant> out = new ArrayList<>();
        for (final ScopeGrant g : scopes)
        {
            if (!g.scope().equals(grant.scope()))
            {
                out.add(g);
                continue;
            }
            final boolean read = g.read() && !grant.read();
            final boolean write = g.write() && !grant.write();
            if (read || write)
            {
                out.add(new ScopeGrant(g.scope(), read, write));
            }
        }
        return new Entity(id, home, out.toArray(new ScopeGrant[0]), events, rate, maxSessions, admin, all);
    }

    /**
     * @param grant the rights to take away from the grant on the same target (no other grant changes).
     * @return the changed snapshot.
     */
    public Entity without(final EventGrant grant)
    {
        final List<EventGrant> out = new ArrayList<>();
        for (final EventGrant g : events)
        {
            if (!g.target().equals(grant.target()))
            {
                out.add(g);
                continue;
            }
            final boolean publish = g.publish() && !grant.publish();
            final boolean subscribe = g.subscribe() && !grant.subscribe();
            if (publish || subscribe)
            {
                out.add(new EventGrant(g.channel(), g.low(), g.high(), publish, subscribe));
            }
        }
        return new Entity(id, home, scopes, out.toArray(new EventGrant[0]), rate, maxSessions, admin, all);
    }

    /**
     * @param perSecond publishes per sliding second, 0 for none.
     * @param sessions  most open sessions, 0 for none.
     * @return the changed snapshot.
     */
    public Entity withLimits(final int perSecond, final int sessions)
    {
        if (perSecond < 0 || sessions < 0)
        {
            throw new IllegalArgumentException("limits must be >= 0 (0 = none)");
        }
        return new Entity(id, home, scopes, events, perSecond, sessions, admin, all);
    }

    /**
     * @param scope the home scope, or null for the runtime's default.
     * @return the changed snapshot.
     */
    public Entity withHome(final String scope)
    {
        return new Entity(id, scope, scopes, events, rate, maxSessions, admin, all);
    }

    /**
     * @param right the admin right.
     * @return the changed snapshot.
     */
    public Entity withAdmin(final boolean right)
    {
        return new Entity(id, home, scopes, events, rate, maxSessions, right, all);
    }

    /** @return the text {@link EntityCodec} stores; also how two snapshots compare. */
    @Override
    public String toString()
    {
        return EntityCodec.encode(this);
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof Entity e && e.toString().equals(toString());
    }

    @Override
    public int hashCode()
    {
        return toString().hashCode();
    }
}
