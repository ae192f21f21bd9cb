package dev.sxs.jmx.access;

import java.util.ArrayList;
import java.util.List;

import dev.sxs.entity.Entities;
import dev.sxs.entity.Entity;
import dev.sxs.entity.Permission;
import dev.sxs.gateway.EntityChecks;
import dev.sxs.gateway.Gateway;
import dev.sxs.session.Principal;

/**
 * {@link EntityAccess} over a runtime's {@link Entities}, checked and audited through its {@link Gateway}: a
 * change needs the caller's entity to hold the admin right (a denial is counted and audited as any other) and
 * is audited as {@code Entities.OPERATION}. Thread-safe.
 */
public final class EntitiesView implements EntityAccess
{
    private final Gateway gateway;

    /**
     * @param gateway the runtime's gateway, checking entities.
     */
    public EntitiesView(final Gateway gateway)
    {
        this.gateway = gateway;
    }

    private EntityChecks checks()
    {
        final EntityChecks checks = gateway.entityChecks();
        if (checks == null)
        {
            throw new IllegalStateException("entities are not checked in this runtime");
        }
        return checks;
    }

    @Override
    public List<String> entities()
    {
        final List<String> out = new ArrayList<>();
        for (final Entity e : checks().registry().list())
        {
            out.add(Entities.describe(e));
        }
        return out;
    }

    @Override
    public long denials()
    {
        final EntityChecks checks = gateway.entityChecks();
        return checks == null ? 0 : checks.registry().denials();
    }

    @Override
    public String change(final Principal who, final String operation, final List<String> args)
    {
        final EntityChecks checks = checks();
        final String denied = checks.adminDenied(who);
        if (denied != null)
        {
            throw new IllegalArgumentException(denied);
        }
        gateway.audit(who, "Entities." + operation, String.join(" ", args));
        final Entities entities = checks.registry();
        final String id = arg(args, 0);
        switch (operation)
        {
            case "create" -> entities.create(id);
            case "grant" -> entities.grant(id, arg(args, 1), arg(args, 2));
            case "revoke" -> entities.revoke(id, arg(args, 1), arg(args, 2));
            case "limit" -> entities.change(id, e -> e.withLimits(number(arg(args, 1)), number(arg(args, 2))));
            case "home" -> entities.change(id, e -> e.withHome(arg(args, 1)));
            case "admin" -> entities.change(id, e -> e.withAdmin(Boolean.parseBoolean(arg(args, 1))));
            case "delete" ->
            {
                entities.delete(id);
                return "deleted " + id;
            }
            default -> throw new IllegalArgumentException("unknown operation '" + operation
                + "' (create, grant, revoke, limit, home, admin, delete)");
        }
        return Entities.describe(entities.find(id).current());
    }

    @Override
    public void require(final Principal who, final String need)
    {
        final EntityChecks checks = gateway.entityChecks();
        if (checks == null)
        {
            return;
        }
        final String denied = switch (need)
        {
            case "read" -> checks.rootDenied(who, Permission.READ);
            case "write" -> checks.rootDenied(who, Permission.WRITE);
            default -> checks.adminDenied(who);
        };
        if (denied != null)
        {
            throw new IllegalArgumentException(denied);
        }
    }

    private static String arg(final List<String> args, final int i)
    {
        if (i >= args.size() || args.get(i) == null)
        {
            throw new IllegalArgumentException("missing argument " + (i + 1));
        }
        return args.get(i);
    }

    private static int number(final String text)
    {
        try
        {
            return Integer.parseInt(text.strip());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("expected a number >= 0, got '" + text + "'", ex);
        }
    }
}
