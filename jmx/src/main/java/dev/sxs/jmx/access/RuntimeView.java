package dev.sxs.jmx.access;

import dev.sxs.gateway.Gateway;
import dev.sxs.gateway.ScriptProgress;
import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * {@link RuntimeAccess} over a runtime's configuration, its {@link Gateway} (evaluations go straight to
 * it) and a stop action provided by whoever owns the runtime (the agent unloads sxs; a library user
 * closes it). Thread-safe.
 */
public final class RuntimeView implements RuntimeAccess
{
    /** Longest wait, after cancelling a script whose caller gave up, for it to be dropped or stopped. */
    static final long CANCEL_SETTLE_MILLIS = 2000;

    /** Version reported when the jar manifest carries none (running from classes). */
    public static final String DEFAULT_VERSION = "0.1.0-SNAPSHOT";

    private final Config config;
    private final Gateway gateway;
    private final Supplier<String> stop;
    private final Supplier<String> status;
    private final long startedAt = System.currentTimeMillis();

    /**
     * @param config  the configuration.
     * @param gateway the runtime's gateway.
     * @param stop    stops the runtime and says how it went.
     */
    public RuntimeView(final Config config, final Gateway gateway, final Supplier<String> stop)
    {
        this(config, gateway, stop, () -> "running");
    }

    /**
     * @param config  the configuration.
     * @param gateway the runtime's gateway.
     * @param stop    stops the runtime and says how it went.
     * @param status  {@code running} or {@code stopped}.
     */
    public RuntimeView(final Config config, final Gateway gateway, final Supplier<String> stop,
        final Supplier<String> status)
    {
        this.config = config;
        this.gateway = gateway;
        this.stop = stop;
        this.status = status;
    }

    @Override
    public String status()
    {
        return status.get();
    }

    @Override
    public String version()
    {
        final String v = RuntimeView.class.getPackage().getImplementationVersion();
        return v == null ? DEFAULT_VERSION : v;
    }

    @Override
    public long startedAtMillis()
    {
        return startedAt;
    }

    @Override
    public Path dataFolder()
    {
        return config.dataDir() == null ? null : config.dataDir().toAbsolutePath().normalize();
    }

    @Override
    public Map<String, String> configuration()
    {
        // operators want the folder the journal really uses, not the empty "default" setting
        final Map<String, String> settings = new LinkedHashMap<>(config.asMap());
        final Path journal = config.journal().folder();
        if (journal != null)
        {
            settings.put("journal.dir", journal.toAbsolutePath().normalize().toString());
        }
        return settings;
    }

    @Override
    public List<String> eval(final ScriptSubmission submission)
    {
        final ScriptProgress progress = new ScriptProgress();
        final CompletableFuture<List<Value>> answer = gateway.submit(submission, progress);
        try
        {
            return Printer.printAll(answer.get());
        }
        catch (final InterruptedException ex)
        {
            // the caller's timeout passed (the management thread is interrupted): cancel the script, free its
            // processor, and say whether it ran (a running script stops at its next step, so this wait is short)
            answer.cancel(false);
            progress.awaitSettled(CANCEL_SETTLE_MILLIS);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("eval: cancelled, no answer within the call's timeout; the script "
                + progress.describe());
        }
        catch (final CancellationException ex)
        {
            throw new IllegalStateException("eval: cancelled");
        }
        catch (final ExecutionException ex)
        {
            final Throwable cause = ex.getCause() == null ? ex : ex.getCause();
            throw new IllegalStateException("eval failed: "
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        }
    }

    @Override
    public String stop()
    {
        return stop.get();
    }
}
