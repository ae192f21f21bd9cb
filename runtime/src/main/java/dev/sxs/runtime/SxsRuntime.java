package dev.sxs.runtime;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.CommandRegistry;
import dev.sxs.lang.Interpreter;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Services;
import dev.sxs.lang.Session;
import dev.sxs.lang.Value;
import dev.sxs.lang.core.CoreCommands;

import java.util.List;
import java.util.Objects;

/**
 * The sxs runtime wired from a {@link Config}: the key/value store and an {@link Interpreter} with
 * the core commands. (The events part extends it with the dispatcher, processors and journal.)
 * <p>
 * Threading: {@link #eval} may be called from any number of threads. Failure: {@code eval} never
 * throws; every problem is an error value. {@link #close()} releases the store; it is idempotent.
 */
public final class SxsRuntime implements AutoCloseable
{
    private final Config config;
    private final KvStore store;
    private final boolean ownsStore;
    private final Interpreter interpreter;
    private final LogSink log;
    private volatile boolean closed;

    private SxsRuntime(final Config config, final KvStore store, final boolean ownsStore, final LogSink log)
    {
        this.config = config;
        this.store = store;
        this.ownsStore = ownsStore;
        this.log = log;
        final CommandRegistry registry = CoreCommands.registerAll(new CommandRegistry());
        this.interpreter = new Interpreter(registry, new Services(), config);
    }

    /**
     * Start a runtime over a store the caller opened and keeps owning (it is not closed by
     * {@link #close()}).
     *
     * @param config the configuration.
     * @param store  the root (unscoped) store.
     * @param log    where {@code core/util/log} lines go.
     * @return the runtime.
     */
    public static SxsRuntime start(final Config config, final KvStore store, final LogSink log)
    {
        return new SxsRuntime(Objects.requireNonNull(config, "config"), Objects.requireNonNull(store, "store"),
            false, Objects.requireNonNull(log, "log"));
    }

    /** @return the configuration. */
    public Config config()
    {
        return config;
    }

    /** @return the root (unscoped) store. */
    public KvStore store()
    {
        return store;
    }

    /** @return the interpreter (its registry accepts more commands). */
    public Interpreter interpreter()
    {
        return interpreter;
    }

    /**
     * A new session in a scope.
     *
     * @param scope the hidden key prefix; "" for the root scope.
     * @return the session.
     */
    public Session session(final String scope)
    {
        final String s = scope == null ? "" : scope;
        return Session.create(s, s.isEmpty() ? store : new PrefixView(store, s), log);
    }

    /**
     * Evaluate a script in a fresh session of the given scope, under one fresh budget.
     *
     * @param source the script text.
     * @param scope  the scope; "" for root, null for the configured default scope.
     * @return one value per top-level form, or a single read error.
     */
    public List<Value> eval(final String source, final String scope)
    {
        if (closed)
        {
            return List.of(new dev.sxs.lang.ErrorValue("runtime is closed"));
        }
        return interpreter.eval(source, session(scope == null ? config.scope() : scope));
    }

    /**
     * Release the store if this runtime opened it. Idempotent.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (ownsStore)
        {
            store.close();
        }
    }
}
