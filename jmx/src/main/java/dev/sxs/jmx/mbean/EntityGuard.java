package dev.sxs.jmx.mbean;

import java.util.Map;

import dev.sxs.jmx.access.EntityAccess;
import dev.sxs.jmx.remote.CurrentSubject;
import dev.sxs.session.Principal;

/**
 * A {@link CallRunner} that asks the caller's entity first, for the MBean operations that see every scope
 * (the store's and the journal's) or act on the whole runtime ({@code stop}, {@code replay}): each operation
 * named in the rules needs {@code read}, {@code write} or {@code admin} ({@link EntityAccess#require}); other
 * calls (attributes, operations checked by the gateway) pass. A denial fails the call with its message.
 * <p>
 * Threading: any JMX thread; immutable. Allocation: none for calls not named in the rules.
 */
public final class EntityGuard implements CallRunner
{
    private final CallRunner next;
    private final EntityAccess entities;
    private final Map<String, String> needs;

    private EntityGuard(final CallRunner next, final EntityAccess entities, final Map<String, String> needs)
    {
        this.next = next;
        this.entities = entities;
        this.needs = needs;
    }

    /**
     * @param next     the runner to run allowed calls on.
     * @param entities who may do what.
     * @param needs    operation name to {@code read}, {@code write} or {@code admin}.
     * @return the guarding runner.
     */
    public static CallRunner of(final CallRunner next, final EntityAccess entities, final Map<String, String> needs)
    {
        return new EntityGuard(next, entities, needs);
    }

    @Override
    public Object run(final String name, final java.util.concurrent.Callable<Object> call) throws Exception
    {
        final String need = needs.get(name);
        if (need != null)
        {
            entities.require(Principal.jmx(CurrentSubject.who()), need);
        }
        return next.run(name, call);
    }
}
