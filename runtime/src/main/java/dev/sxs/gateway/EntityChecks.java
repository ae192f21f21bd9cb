package dev.sxs.gateway;

import java.util.Objects;

import dev.sxs.entity.Access;
import dev.sxs.entity.Denials;
import dev.sxs.entity.DenialSink;
import dev.sxs.entity.Entities;
import dev.sxs.entity.Entity;
import dev.sxs.entity.LiveEntity;
import dev.sxs.entity.Permission;
import dev.sxs.session.Principal;
import dev.sxs.session.SxsSession;

/**
 * The gateway's entity checks: which entity a principal runs as ({@link EntityMapping}; a name with no entity
 * runs as the local entity, so remote users keep today's rights until an entity of their name exists; then
 * {@link Principal#actingAs} when that entity holds the admin right), the scope it gets (the requested one, else
 * its home scope, else the runtime's default), whether it may use that scope (read or write it), open one more
 * session, use a named session (only its own), publish an event (the {@code P} grant, then the rate limit) and
 * close a session (its own, or any with the admin right). Each denial is counted ({@link Entities#denials()})
 * and audited as {@code Entity.denied} with the message, which is also what the caller sees.
 * <p>
 * Threading: any thread; immutable. Allocation: a few objects per submission (none per script command: those
 * ask the session's {@link Access}).
 */
public final class EntityChecks
{
    /** The action name of denial audit records. */
    public static final String DENIED = "Entity.denied";
    /** The action name of audit records of changes scripts make ({@code core/entity/*}). */
    public static final String CHANGED = "Entity.change";

    private final Entities registry;
    private final EntityMapping mapping;
    private final String defaultScope;
    private final AuditTrail audit;

    /**
     * What a script submission gets: its session's access, or a refusal.
     *
     * @param access  the entity and scope to open the session with, or null when refused.
     * @param refusal the message, or null.
     */
    public record Admit(Access access, String refusal)
    {
    }

    /**
     * @param registry     the entities.
     * @param mapping      principal to entity.
     * @param defaultScope the runtime's default scope.
     * @param audit        where denials are recorded.
     */
    public EntityChecks(final Entities registry, final EntityMapping mapping, final String defaultScope,
        final AuditTrail audit)
    {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.defaultScope = defaultScope;
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** @return the entities. */
    public Entities registry()
    {
        return registry;
    }

    /** @return principal to entity. */
    public EntityMapping mapping()
    {
        return mapping;
    }

    /**
     * @param principal who submits.
     * @param requested the scope asked for, or null.
     * @return the access of the session to open, or the refusal.
     */
    public Admit admit(final Principal principal, final String requested)
    {
        final Object who = resolve(principal);
        if (who instanceof String refusal)
        {
            return new Admit(null, refusal);
        }
        final LiveEntity entity = (LiveEntity)who;
        final String scope = scopeOf(entity.current(), requested);
        if (!entity.current().mayUse(scope))
        {
            return new Admit(null, deny(principal, Denials.use(entity.id(), scope)));
        }
        return new Admit(new Access(entity, scope, sinkFor(principal)), null);
    }

    /**
     * @param principal who submitted.
     * @param who       what {@link #admit} gave.
     * @param session   the session the registry opened or found, or null when the entity is at its most sessions.
     * @param name      the session name asked for.
     * @return null when the session may be used, else the denial.
     */
    public String sessionDenied(final Principal principal, final Admit who, final SxsSession session,
        final String name)
    {
        final LiveEntity entity = who.access().entity();
        if (session == null)
        {
            return deny(principal, Denials.action(entity.id(), "open more than " + entity.current().maxSessions()
                + " sessions"));
        }
        if (!session.entity().equals(entity.id()))
        {
            return deny(principal, Denials.action(entity.id(), "use session '" + name + "' of entity '"
                + session.entity() + "'"));
        }
        return null;
    }

    /**
     * The entity an event is sent as, resolved once per event for {@link #scopeOfEvent} and {@link #underRate}.
     *
     * @param submission the event.
     * @return its entity, or null when refused (an unknown or not permitted {@code --as}: reported).
     */
    public LiveEntity senderOf(final EventSubmission submission)
    {
        final Object who = resolve(submission.principal());
        return who instanceof LiveEntity entity ? entity : null;
    }

    /**
     * Check an event: the scope and the {@code P} grant (read from the entity's current grants).
     *
     * @param submission the event.
     * @param sender     what {@link #senderOf} gave for it, not null.
     * @return the scope to publish in, or null when refused ({@link Gateway#NOT_PERMITTED}); the rate limit is
     *         checked by {@link #underRate}.
     */
    public String scopeOfEvent(final EventSubmission submission, final LiveEntity sender)
    {
        final Entity entity = sender.current();
        final String scope = scopeOf(entity, submission.scope());
        if (!entity.mayUse(scope))
        {
            deny(submission.principal(), Denials.use(entity.id(), scope));
            return null;
        }
        if (!entity.may(Permission.PUBLISH, submission.channel(), submission.topic()))
        {
            deny(submission.principal(), Denials.event(entity.id(), Permission.PUBLISH, submission.channel(),
                submission.topic()));
            return null;
        }
        return scope;
    }

    /**
     * @param submission an event {@link #scopeOfEvent} allowed.
     * @param sender     what {@link #senderOf} gave for it, not null.
     * @return true when it fits its entity's rate limit (and is counted), else false, reported.
     */
    public boolean underRate(final EventSubmission submission, final LiveEntity sender)
    {
        if (!sender.tryPublish())
        {
            deny(submission.principal(), Denials.rate(sender.id(), sender.current().rate()));
            return false;
        }
        return true;
    }

    /**
     * @param principal who asks.
     * @param session   the session to close.
     * @return true when its entity opened it or holds the admin right; a refusal is reported.
     */
    public boolean mayClose(final Principal principal, final SxsSession session)
    {
        final Object who = resolve(principal);
        if (who instanceof LiveEntity entity && (entity.current().isAdmin() || entity.id().equals(session.entity())))
        {
            return true;
        }
        deny(principal, Denials.action(who instanceof LiveEntity entity ? entity.id() : mapping.entityOf(principal),
            "close session " + session.id()));
        return false;
    }

    /**
     * @param principal who asks to manage entities (the JMX {@code Entities} MBean, the CLI).
     * @return null when its entity holds the admin right, else the denial (counted and audited).
     */
    public String adminDenied(final Principal principal)
    {
        final Object who = resolve(principal);
        if (who instanceof String refusal)
        {
            return refusal;
        }
        final LiveEntity entity = (LiveEntity)who;
        return entity.current().isAdmin() ? null : deny(principal, Denials.action(entity.id(), "manage entities"));
    }

    /**
     * @param principal  who asks to read or write the root store directly (the JMX {@code Store} and
     *                   {@code Journal} views, which see every scope).
     * @param permission {@link Permission#READ} or {@link Permission#WRITE}.
     * @return null when its entity holds that right on the root scope ({@code *}), else the denial.
     */
    public String rootDenied(final Principal principal, final Permission permission)
    {
        final Object who = resolve(principal);
        if (who instanceof String refusal)
        {
            return refusal;
        }
        final LiveEntity entity = (LiveEntity)who;
        return entity.current().may(permission, "") ? null
            : deny(principal, Denials.scope(entity.id(), permission, ""));
    }

    /**
     * @param principal who asks.
     * @return the entity it runs as, or null when it is refused (unknown or not permitted {@code --as}).
     */
    public LiveEntity entityOf(final Principal principal)
    {
        final Object who = resolve(principal);
        return who instanceof LiveEntity entity ? entity : null;
    }

    private Object resolve(final Principal principal)
    {
        final LiveEntity named = registry.find(mapping.entityOf(principal));
        // a remote user with no entity of its name runs as the local entity, as before entities existed
        final LiveEntity self = named != null ? named : registry.resolve(mapping.local());
        final String own = self.id();
        final String as = principal.actingAs();
        if (as == null || as.equals(own))
        {
            return self;
        }
        if (!self.current().isAdmin())
        {
            return deny(principal, Denials.action(own, "act as entity '" + as + "'"));
        }
        final LiveEntity target = registry.find(as);
        return target != null ? target : "no entity '" + as + "'";
    }

    private String scopeOf(final Entity entity, final String requested)
    {
        return requested != null ? requested : entity.home() != null ? entity.home() : defaultScope;
    }

    private DenialSink sinkFor(final Principal principal)
    {
        return new DenialSink()
        {
            @Override
            public void denied(final String entity, final String message)
            {
                deny(principal, message);
            }

            @Override
            public void changed(final String entity, final String change)
            {
                record(principal, CHANGED, change);
            }
        };
    }

    private String deny(final Principal principal, final String message)
    {
        registry.countDenial();
        record(principal, DENIED, message);
        return message;
    }

    private void record(final Principal principal, final String action, final String detail)
    {
        try
        {
            audit.record(principal, action, detail);
        }
        catch (final RuntimeException ignored)
        {
            // auditing never stops the check
        }
    }
}
