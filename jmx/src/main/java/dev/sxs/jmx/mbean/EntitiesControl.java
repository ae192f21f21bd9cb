package dev.sxs.jmx.mbean;

import java.util.List;

import dev.sxs.jmx.access.EntityAccess;
import dev.sxs.jmx.remote.CurrentSubject;
import dev.sxs.session.Principal;

/**
 * The {@link EntitiesMXBean}: reads and changes through {@link EntityAccess}, as the calling JMX user (whose
 * entity needs the admin right; the access checks and audits). Thread-safe; holds no state of its own.
 */
public final class EntitiesControl implements EntitiesMXBean
{
    private final EntityAccess entities;

    /**
     * @param entities the runtime's entities.
     */
    public EntitiesControl(final EntityAccess entities)
    {
        this.entities = entities;
    }

    @Override
    public String[] getEntities()
    {
        return entities.entities().toArray(String[]::new);
    }

    @Override
    public long getDenials()
    {
        return entities.denials();
    }

    private static Principal caller()
    {
        return Principal.jmx(CurrentSubject.who());
    }

    @Override
    public String create(final String id)
    {
        return entities.change(caller(), "create", List.of(String.valueOf(id)));
    }

    @Override
    public String grant(final String id, final String rights, final String target)
    {
        return entities.change(caller(), "grant", List.of(String.valueOf(id), String.valueOf(rights),
            String.valueOf(target)));
    }

    @Override
    public String revoke(final String id, final String rights, final String target)
    {
        return entities.change(caller(), "revoke", List.of(String.valueOf(id), String.valueOf(rights),
            String.valueOf(target)));
    }

    @Override
    public String limit(final String id, final int rate, final int sessions)
    {
        return entities.change(caller(), "limit", List.of(String.valueOf(id), Integer.toString(rate),
            Integer.toString(sessions)));
    }

    @Override
    public String home(final String id, final String scope)
    {
        return entities.change(caller(), "home", List.of(String.valueOf(id), scope == null ? "" : scope));
    }

    @Override
    public String admin(final String id, final boolean admin)
    {
        return entities.change(caller(), "admin", List.of(String.valueOf(id), Boolean.toString(admin)));
    }

    @Override
    public String delete(final String id)
    {
        return entities.change(caller(), "delete", List.of(String.valueOf(id)));
    }
}
