package dev.sxs.gateway;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import dev.sxs.session.Origin;
import dev.sxs.session.Principal;

/**
 * Which entity a principal runs as: a way in fixed to an entity ({@link #with(Origin, String)}: the boot
 * script's {@code entity.boot}; a new way in such as probes or tasks adds its own row here) runs as that
 * entity; a JMX or CLI caller authenticated as a remote user runs as the entity of the same name; every other
 * caller (the local connector and attach, whose name is {@code local}, the Java API) runs as the configured
 * local entity ({@code entity.local}, default {@code root}). Replayed scripts do not come here: they run as root
 * ({@link Gateway#replaySession}), since the journal does not record who submitted them. An explicit {@link Principal#actingAs}
 * is honoured by the gateway when the mapped entity holds the admin right. Immutable.
 */
public final class EntityMapping
{
    /** The name {@link Principal}s of local JMX calls carry (no authenticated subject). */
    public static final String LOCAL_CALLER = "local";

    private final String local;
    private final Map<Origin, String> fixed;

    /**
     * @param local the entity of local callers.
     */
    public EntityMapping(final String local)
    {
        this(local, new EnumMap<>(Origin.class));
    }

    private EntityMapping(final String local, final Map<Origin, String> fixed)
    {
        this.local = Objects.requireNonNull(local, "local");
        this.fixed = fixed;
    }

    /**
     * @param origin a way in.
     * @param entity the entity every submission of that way in runs as.
     * @return a mapping with that row added.
     */
    public EntityMapping with(final Origin origin, final String entity)
    {
        final Map<Origin, String> next = new EnumMap<>(Origin.class);
        next.putAll(fixed);
        next.put(origin, Objects.requireNonNull(entity, "entity"));
        return new EntityMapping(local, next);
    }

    /** @return the entity of local callers. */
    public String local()
    {
        return local;
    }

    /**
     * @param principal who submits.
     * @return the id of the entity it runs as, before any {@link Principal#actingAs}.
     */
    public String entityOf(final Principal principal)
    {
        final String byOrigin = fixed.get(principal.origin());
        if (byOrigin != null)
        {
            return byOrigin;
        }
        if (principal.origin() == Origin.TASK || principal.origin() == Origin.QUEUE)
        {
            return principal.name(); // a task's steps, a queued script carry the id of the entity behind them
        }
        final boolean remote = (principal.origin() == Origin.JMX || principal.origin() == Origin.CLI)
            && !LOCAL_CALLER.equals(principal.name());
        return remote ? principal.name() : local;
    }
}
