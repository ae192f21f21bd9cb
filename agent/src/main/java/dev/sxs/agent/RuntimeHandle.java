package dev.sxs.agent;

import java.util.List;

import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;

/**
 * The one place the agent and the CLI build a runtime from a {@link Config}: opens the store and starts
 * {@link SxsRuntime} over it, and closes both. Keeps the rest of this module independent of how the
 * runtime is wired.
 * <p>
 * Threading: {@link #eval} from any thread; {@link #close()} once, idempotent.
 */
public final class RuntimeHandle implements AutoCloseable
{
    private final KvStore store;
    private final SxsRuntime runtime;
    private volatile boolean closed;

    private RuntimeHandle(final KvStore store, final SxsRuntime runtime)
    {
        this.store = store;
        this.runtime = runtime;
    }

    /**
     * @param config the configuration.
     * @param log    where {@code core/util/log} lines go.
     * @return a started runtime.
     * @throws RuntimeException when the store cannot be opened (locked folder, bad sizing, no space).
     */
    public static RuntimeHandle open(final Config config, final LogSink log)
    {
        final KvStore store = ChronicleKvStore.open(config);
        try
        {
            return new RuntimeHandle(store, SxsRuntime.start(config, store, log));
        }
        catch (final RuntimeException | Error ex)
        {
            store.close();
            throw ex;
        }
    }

    /** @return the runtime. */
    public SxsRuntime runtime()
    {
        return runtime;
    }

    /**
     * @param source the script.
     * @param scope  the scope, null for the configured default.
     * @return one value per top-level form.
     */
    public List<Value> eval(final String source, final String scope)
    {
        return runtime.eval(source, scope);
    }

    /**
     * Drain and close the runtime, then the store. Idempotent.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            runtime.close();
        }
        finally
        {
            store.close();
        }
    }
}
