package dev.sxs.lang.fn;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.Body;
import dev.sxs.lang.Context;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Reader;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stored functions of one command registry, and their compiled form cached by scope and name.
 * The store is the truth: a function is written there by {@link #define} (and removed by
 * {@link #delete}), and a call of a function the cache does not hold reads and compiles it from the
 * store, so functions survive restarts. Writes go through the cache's per-name lock
 * ({@link ConcurrentHashMap#compute}), so the cache never holds a function the store no longer has;
 * a function is compiled once and kept until it is redefined, deleted, or a command is registered.
 * <p>
 * The cache assumes the registry's commands serve one store, as one runtime builds them; the hidden
 * keys are written only through these commands. Threading: thread-safe. Allocation on a cached call:
 * none.
 */
final class StoredFunctions
{
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Function>> byScope =
        new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /**
     * @return a number that changes after every {@link #define} and {@link #delete} (once the cache holds
     *         the change): what a call site cached under an older number may be stale.
     */
    long generation()
    {
        return generation.get();
    }

    /**
     * @param name a function name.
     * @return its hidden key inside a scope.
     */
    static String key(final String name)
    {
        return HiddenKeys.FUNCTIONS + name;
    }

    /**
     * The function NAME of the context's scope, compiled.
     *
     * @param ctx  the caller's context (scope, store, registry).
     * @param name the function name.
     * @return the function, or null when the scope has none of that name.
     */
    Function find(final Context ctx, final String name)
    {
        final Map<String, Function> functions = scope(ctx);
        final Function cached = functions.get(name);
        final long version = ctx.interpreter().registry().version();
        if (cached != null && cached.version() == version)
        {
            return cached;
        }
        return scope(ctx).compute(name, (n, old) ->
        {
            final String text = ctx.store().get(key(n));
            if (text == null)
            {
                return null;
            }
            if (old != null && old.version() == version && old.text().equals(text))
            {
                return old;
            }
            return compile(ctx, text, version);
        });
    }

    /**
     * Store (or replace) a function and cache it compiled.
     *
     * @param ctx    the caller's context.
     * @param name   the function name.
     * @param params the parameter names, without {@code $}.
     * @param block  the body as written.
     */
    void define(final Context ctx, final String name, final String[] params, final ListValue block)
    {
        final List<Value> names = new ArrayList<>(params.length);
        for (final String p : params)
        {
            names.add(new SymValue(p));
        }
        final String text = Printer.print(new ListValue(ListKind.SEQUENCE,
            List.of(new ListValue(ListKind.CALL, names), block)));
        final long version = ctx.interpreter().registry().version();
        scope(ctx).compute(name, (n, old) ->
        {
            ctx.store().put(key(n), text);
            return new Function(params.clone(), ctx.interpreter().compileBody(block), text, version);
        });
        generation.incrementAndGet();
    }

    /**
     * Remove a function.
     *
     * @param ctx  the caller's context.
     * @param name the function name.
     * @return true when the scope had it.
     */
    boolean delete(final Context ctx, final String name)
    {
        final boolean[] removed = new boolean[1];
        scope(ctx).compute(name, (n, old) ->
        {
            removed[0] = ctx.store().remove(key(n));
            return null;
        });
        generation.incrementAndGet();
        return removed[0];
    }

    /**
     * @param store the scope's store.
     * @param limit the most names to return.
     * @return the names of the scope's functions, in ascending UTF-8 byte order.
     */
    static List<String> names(final KvStore store, final int limit)
    {
        final List<String> keys = store.keys(HiddenKeys.FUNCTIONS, 0, limit);
        final List<String> out = new ArrayList<>(keys.size());
        for (final String k : keys)
        {
            out.add(k.substring(HiddenKeys.FUNCTIONS.length()));
        }
        return out;
    }

    private ConcurrentHashMap<String, Function> scope(final Context ctx)
    {
        final String scope = ctx.session().scope();
        final ConcurrentHashMap<String, Function> functions = byScope.get(scope);
        return functions != null ? functions : byScope.computeIfAbsent(scope, s -> new ConcurrentHashMap<>());
    }

    private static Function compile(final Context ctx, final String text, final long version)
    {
        final Value form = Reader.readOne(text);
        if (!(form instanceof ListValue def) || def.items().size() != 2
            || !(def.items().get(0) instanceof ListValue params) || !(def.items().get(1) instanceof ListValue block))
        {
            return null;
        }
        final String[] names = new String[params.items().size()];
        for (int i = 0; i < names.length; i++)
        {
            if (!(params.items().get(i) instanceof SymValue s))
            {
                return null;
            }
            names[i] = s.name();
        }
        final Body body = ctx.interpreter().compileBody(block);
        return new Function(names, body, text, version);
    }
}
