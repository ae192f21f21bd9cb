package dev.sxs.events;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The handlers of one channel/topic, grouped by scope: an immutable value, replaced whole on every change
 * (copy-on-write) and read lock-free by the workers, which look up the group of an event's origin.
 * <p>
 * Lookup cost: with one scope (the common case, root or not) one string comparison, usually decided by
 * identity or length; with up to {@link #LINEAR_MAX} scopes a scan of them; beyond that one hash look-up
 * ({@link String} caches its hash). Allocation: none on lookup; a new instance per change.
 */
final class ScopedHandlers
{
    /** No handler at all. */
    static final Subscription[] NONE = new Subscription[0];

    /** Most scopes on one channel/topic scanned linearly; more use a hash index. */
    static final int LINEAR_MAX = 8;

    private static final ScopedHandlers EMPTY = new ScopedHandlers(new String[0], new Subscription[0][]);

    private final String[] scopes;
    private final Subscription[][] groups;
    /** The groups by scope when there are more than {@link #LINEAR_MAX} of them, else null. */
    private final Map<String, Subscription[]> index;
    private final int size;

    private ScopedHandlers(final String[] scopes, final Subscription[][] groups)
    {
        this.scopes = scopes;
        this.groups = groups;
        int n = 0;
        for (final Subscription[] g : groups)
        {
            n += g.length;
        }
        this.size = n;
        if (scopes.length > LINEAR_MAX)
        {
            final Map<String, Subscription[]> byScope = new HashMap<>(scopes.length * 2);
            for (int i = 0; i < scopes.length; i++)
            {
                byScope.put(scopes[i], groups[i]);
            }
            this.index = byScope;
        }
        else
        {
            this.index = null;
        }
    }

    /** @return a table with no handler (the start of every channel/topic). */
    static ScopedHandlers empty()
    {
        return EMPTY;
    }

    /**
     * @param scope an event's origin ("" for root; null is read as root).
     * @return the handlers subscribed in that scope, in registration order; {@link #NONE} when none. Do not
     *     modify.
     */
    Subscription[] of(final String scope)
    {
        final String s = scope == null ? "" : scope;
        final String[] known = scopes;
        if (index != null)
        {
            final Subscription[] g = index.get(s);
            return g == null ? NONE : g;
        }
        for (int i = 0; i < known.length; i++)
        {
            final String k = known[i];
            if (k == s || k.equals(s))
            {
                return groups[i];
            }
        }
        return NONE;
    }

    /** @return the number of handlers over all scopes. */
    int size()
    {
        return size;
    }

    /** @return every handler over all scopes, scope group by scope group (a new array). */
    Subscription[] all()
    {
        final Subscription[] out = new Subscription[size];
        int at = 0;
        for (final Subscription[] g : groups)
        {
            System.arraycopy(g, 0, out, at, g.length);
            at += g.length;
        }
        return out;
    }

    /**
     * @param subscription a handler to add (its scope decides the group).
     * @return the table with it added last in its scope's group.
     */
    ScopedHandlers with(final Subscription subscription)
    {
        final int i = indexOf(subscription.scope());
        if (i < 0)
        {
            final String[] nextScopes = Arrays.copyOf(scopes, scopes.length + 1);
            final Subscription[][] nextGroups = Arrays.copyOf(groups, groups.length + 1);
            nextScopes[scopes.length] = subscription.scope();
            nextGroups[groups.length] = new Subscription[] {subscription};
            return new ScopedHandlers(nextScopes, nextGroups);
        }
        final Subscription[] old = groups[i];
        final Subscription[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = subscription;
        final Subscription[][] nextGroups = groups.clone();
        nextGroups[i] = grown;
        return new ScopedHandlers(scopes, nextGroups);
    }

    /**
     * @param subscription a handler to remove.
     * @return the table without it (this very table when it was absent; a scope left without handlers is
     *     dropped).
     */
    ScopedHandlers without(final Subscription subscription)
    {
        final int i = indexOf(subscription.scope());
        if (i < 0)
        {
            return this;
        }
        final Subscription[] old = groups[i];
        for (int j = 0; j < old.length; j++)
        {
            if (old[j] == subscription)
            {
                if (old.length == 1)
                {
                    return withoutGroup(i);
                }
                final Subscription[] shrunk = new Subscription[old.length - 1];
                System.arraycopy(old, 0, shrunk, 0, j);
                System.arraycopy(old, j + 1, shrunk, j, old.length - j - 1);
                final Subscription[][] nextGroups = groups.clone();
                nextGroups[i] = shrunk;
                return new ScopedHandlers(scopes, nextGroups);
            }
        }
        return this;
    }

    private ScopedHandlers withoutGroup(final int i)
    {
        if (scopes.length == 1)
        {
            return EMPTY;
        }
        final String[] nextScopes = new String[scopes.length - 1];
        final Subscription[][] nextGroups = new Subscription[groups.length - 1][];
        System.arraycopy(scopes, 0, nextScopes, 0, i);
        System.arraycopy(scopes, i + 1, nextScopes, i, scopes.length - i - 1);
        System.arraycopy(groups, 0, nextGroups, 0, i);
        System.arraycopy(groups, i + 1, nextGroups, i, groups.length - i - 1);
        return new ScopedHandlers(nextScopes, nextGroups);
    }

    private int indexOf(final String scope)
    {
        for (int i = 0; i < scopes.length; i++)
        {
            if (scopes[i].equals(scope))
            {
                return i;
            }
        }
        return -1;
    }
}
