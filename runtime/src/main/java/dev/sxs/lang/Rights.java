package dev.sxs.lang;

import dev.sxs.entity.Access;
import dev.sxs.entity.Permission;

/**
 * The checks the language's KV commands make before they touch the store: the session's entity needs
 * {@code R} on its scope to read, {@code W} to write, both for the read-modify-writes ({@code incr},
 * {@code cas}, {@code snx}). A denial is an error value {@code @"entity 'ID' may not write scope 'S'"},
 * counted and audited through the session's {@link Access}. The event commands ask {@link Access} for
 * {@code P} and {@code S} themselves.
 * <p>
 * Threading: stateless. Allocation: none when allowed (a cached answer per entity snapshot).
 */
public final class Rights
{
    private Rights()
    {
    }

    /**
     * @param ctx the evaluation.
     * @return null when the session may read its scope, else the denial.
     */
    public static ErrorValue read(final Context ctx)
    {
        final Access access = ctx.session().access();
        return access.mayRead() ? null : new ErrorValue(access.denyScope(Permission.READ));
    }

    /**
     * @param ctx the evaluation.
     * @return null when the session may write its scope, else the denial.
     */
    public static ErrorValue write(final Context ctx)
    {
        final Access access = ctx.session().access();
        return access.mayWrite() ? null : new ErrorValue(access.denyScope(Permission.WRITE));
    }

    /**
     * @param ctx the evaluation.
     * @return null when the session may read and write its scope, else the first denial.
     */
    public static ErrorValue readWrite(final Context ctx)
    {
        final ErrorValue denied = read(ctx);
        return denied != null ? denied : write(ctx);
    }
}
