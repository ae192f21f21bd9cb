package dev.sxs.lang.entity;

import java.util.ArrayList;
import java.util.List;

import dev.sxs.entity.Access;
import dev.sxs.entity.Denials;
import dev.sxs.entity.Entities;
import dev.sxs.entity.Entity;
import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * One {@code core/entity/*} command: {@code (core/entity/create ID)}, {@code (core/entity/grant ID RIGHTS
 * TARGET)}, {@code (core/entity/revoke ID RIGHTS TARGET)}, {@code (core/entity/limit ID RATE SESSIONS)},
 * {@code (core/entity/home ID SCOPE)}, {@code (core/entity/admin ID true|false)}, {@code (core/entity/delete ID)}
 * return {@code true}; {@code (core/entity/show ID)} its one-line description; {@code (core/entity/list)} the
 * ids. The session's entity needs the admin right, else {@code @"entity 'ID' may not manage entities"}; a bad
 * argument is the command's error value. Changes are audited.
 * <p>
 * Threading: stateless; any evaluation thread. Allocation: not on a hot path.
 */
final class EntityCommand implements Command
{
    /** The operations, with their argument counts and usage. */
    enum Op
    {
        CREATE("create", "ID"),
        GRANT("grant", "ID RIGHTS TARGET"),
        REVOKE("revoke", "ID RIGHTS TARGET"),
        LIMIT("limit", "ID RATE SESSIONS"),
        HOME("home", "ID SCOPE"),
        ADMIN("admin", "ID true|false"),
        DELETE("delete", "ID"),
        SHOW("show", "ID"),
        LIST("list", "");

        private final String word;
        private final String usage;

        Op(final String word, final String usage)
        {
            this.word = word;
            this.usage = usage;
        }

        String word()
        {
            return word;
        }

        int arity()
        {
            return usage.isEmpty() ? 0 : usage.split(" ").length;
        }
    }

    private final Op op;

    EntityCommand(final Op op)
    {
        this.op = op;
    }

    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != op.arity())
        {
            return args.usage(op.usage.isEmpty() ? "nothing" : op.usage);
        }
        final Entities entities = ctx.service(Entities.class);
        if (entities == null)
        {
            return args.error("entities are not available in this runtime");
        }
        final Access access = ctx.session().access();
        if (!access.isAdmin())
        {
            return new ErrorValue(access.deny(Denials.action(access.entity().id(), "manage entities")));
        }
        final String[] texts = new String[args.size()];
        for (int i = 0; i < texts.length; i++)
        {
            final Value v = args.eval(i, ctx);
            if (v.isError())
            {
                return v;
            }
            texts[i] = text(v);
        }
        try
        {
            return run(entities, access, texts);
        }
        catch (final IllegalArgumentException ex)
        {
            return args.error(ex.getMessage());
        }
    }

    private Value run(final Entities entities, final Access access, final String[] a)
    {
        if (op == Op.LIST)
        {
            final List<Value> ids = new ArrayList<>();
            for (final Entity e : entities.list())
            {
                ids.add(new StrValue(e.id()));
            }
            return new ListValue(ListKind.SEQUENCE, ids);
        }
        if (op == Op.SHOW)
        {
            final Entity e = entities.list().stream().filter(x -> x.id().equals(a[0])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no entity '" + a[0] + "'"));
            return new StrValue(Entities.describe(e));
        }
        switch (op)
        {
            case CREATE -> entities.create(a[0]);
            case GRANT -> entities.grant(a[0], a[1], a[2]);
            case REVOKE -> entities.revoke(a[0], a[1], a[2]);
            case LIMIT -> entities.change(a[0], e -> e.withLimits(number(a[1]), number(a[2])));
            case HOME -> entities.change(a[0], e -> e.withHome(a[1]));
            case ADMIN -> entities.change(a[0], e -> e.withAdmin(Boolean.parseBoolean(a[1])));
            case DELETE -> entities.delete(a[0]);
            default -> throw new IllegalStateException(op.name());
        }
        access.changed(op.word + " " + String.join(" ", a));
        return SymValue.TRUE;
    }

    private static String text(final Value v)
    {
        if (v instanceof StrValue s)
        {
            return s.text();
        }
        if (v instanceof SymValue s)
        {
            return s.name();
        }
        return v instanceof IntValue i ? Long.toString(i.value()) : Printer.print(v);
    }

    private static int number(final String text)
    {
        try
        {
            return Integer.parseInt(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("expected a number >= 0, got '" + text + "'", ex);
        }
    }
}
