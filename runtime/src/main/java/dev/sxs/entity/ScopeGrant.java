package dev.sxs.entity;

import java.util.Objects;

/**
 * A grant on a scope and every scope below it (every scope whose name starts with it, since a scope is a
 * key prefix and its keys are a subset of the granting scope's). {@code *} (or {@code ""}, the root, which
 * holds every key) covers every scope. Immutable.
 *
 * @param scope the scope prefix; {@code ""} for the root, that is, every scope.
 * @param read  may read ({@code R}).
 * @param write may write ({@code W}).
 */
public record ScopeGrant(String scope, boolean read, boolean write)
{
    /** Checks the scope is present and something is granted. */
    public ScopeGrant
    {
        Objects.requireNonNull(scope, "scope");
        if (!read && !write)
        {
            throw new IllegalArgumentException("a scope grant needs R, W or RW");
        }
    }

    /**
     * @param rights {@code R}, {@code W} or {@code RW} (either case, either order).
     * @param scope  the scope; {@code *} for every scope.
     * @return the grant.
     * @throws IllegalArgumentException when the rights are not R, W or RW.
     */
    public static ScopeGrant parse(final String rights, final String scope)
    {
        final String r = rights == null ? "" : rights.strip().toUpperCase(java.util.Locale.ROOT);
        if (!r.matches("R|W|RW|WR"))
        {
            throw new IllegalArgumentException("scope rights must be R, W or RW, got '" + rights + "'");
        }
        return new ScopeGrant("*".equals(scope) ? "" : scope, r.indexOf('R') >= 0, r.indexOf('W') >= 0);
    }

    /**
     * @param target a scope.
     * @return true when this grant covers it (the same scope or one below). Allocation: none.
     */
    public boolean covers(final String target)
    {
        return target.startsWith(scope);
    }

    /** @return {@code RW shop-a:}, with {@code *} for every scope. */
    @Override
    public String toString()
    {
        return (read ? "R" : "") + (write ? "W" : "") + " " + (scope.isEmpty() ? "*" : scope);
    }
}
