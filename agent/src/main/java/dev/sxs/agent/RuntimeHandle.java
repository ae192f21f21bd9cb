package dev.sxs.agent;

import java.util.List;

import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.jmx.metrics.SxsMetrics;
import dev.sxs.journal.Journal;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRequest;

/**
 * The one place the agent and the CLI build a runtime from a {@link Config}: starts {@link SxsRuntime}
 * (which opens and owns the store and journal) with its store counted by the runtime's
 * {@link SxsMetrics} and the metrics' delivery probe installed, and closes it. Keeps the rest of this module independent of how the
 * runtime is wired.
 * <p>
 * Threading: {@link #eval} from any thread; {@link #close()} once, idempotent.
 */
public final class RuntimeHandle implements AutoCloseable
{
    private final SxsRuntime runtime;
    private final SxsMetrics metrics;
    private volatile boolean closed;

    private RuntimeHandle(final SxsRuntime runtime, final SxsMetrics metrics)
    {
        this.runtime = runtime;
        this.metrics = metrics;
    }

    /**
     * @param config the configuration.
     * @param log    where {@code core/util/log} lines go.
     * @return a started runtime.
     * @throws RuntimeException when the store cannot be opened (locked folder, bad sizing, no space).
     */
    public static RuntimeHandle open(final Config config, final LogSink log)
    {
        final SxsMetrics metrics = new SxsMetrics();
        final SxsRuntime runtime = SxsRuntime.start(config, log, metrics::meter);
        runtime.dispatcher().deliveryProbe(metrics.deliveryProbe());
        return new RuntimeHandle(runtime, metrics);
    }

    /** @return the root store (metered). */
    public KvStore store()
    {
        return runtime.store();
    }

    /** @return the journal (the no-op journal when off). */
    public Journal journal()
    {
        return runtime.journal();
    }

    /** @return the runtime's metrics (reported once management registers them). */
    public SxsMetrics metrics()
    {
        return metrics;
    }

    /** @return the runtime. */
    public SxsRuntime runtime()
    {
        return runtime;
    }

    /**
     * Evaluate a script the way every sxs entry point does: through the runtime's gateway, submitted on
     * the execution channel in a fresh unnamed session of the scope (whose topic runs scripts one at a
     * time, in order, on one processor), and wait for its values.
     *
     * @param source    the script.
     * @param scope     the scope, null for the configured default.
     * @param principal who submits (the boot script, or {@code sxs run} as the runtime's own code).
     * @return one value per top-level form.
     */
    public List<Value> eval(final String source, final String scope, final Principal principal)
    {
        final String action = principal == Principal.BOOT ? "boot" : "run";
        return runtime.submit(ScriptSubmission.of(source, principal, action, SessionRequest.fresh(scope))).join();
    }

    /**
     * Drain and close the runtime, then the journal and the store. Idempotent.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        runtime.close();
    }
}
