package dev.sxs.jmx.mbean;

import dev.sxs.events.Channel;
import dev.sxs.jmx.access.ChannelAccess;
import dev.sxs.jmx.access.RuntimeAccess;
import dev.sxs.jmx.audit.AuditLog;
import dev.sxs.jmx.remote.CurrentSubject;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.Printer;

import java.nio.file.Path;
import java.util.Map;

/**
 * The {@link RuntimeMXBean}: reads the runtime through {@link RuntimeAccess}, audits {@code eval},
 * {@code evalIn}, {@code publish} and {@code stop} before running them. Thread-safe; holds no state of its own.
 */
public final class RuntimeControl implements RuntimeMXBean
{
    private final RuntimeAccess runtime;
    private final ChannelAccess channels;
    private final AuditLog audit;

    /**
     * @param runtime  the runtime.
     * @param channels the channels, for {@code publish}.
     * @param audit    where evaluations, publications and stops are recorded.
     */
    public RuntimeControl(final RuntimeAccess runtime, final ChannelAccess channels, final AuditLog audit)
    {
        this.runtime = runtime;
        this.channels = channels;
        this.audit = audit;
    }

    @Override
    public String getStatus()
    {
        return runtime.status();
    }

    @Override
    public String publish(final String channel, final int topic, final String payload)
    {
        final Channel c = channel == null ? null : Channel.byName(channel.trim());
        if (c == null || c == Channel.EXEC)
        {
            return Printer.print(new ErrorValue("publish: bad channel '" + channel + "' (expected A..F)"));
        }
        return new ChannelControl(c, channels, audit).publish(topic, payload);
    }

    @Override
    public String getVersion()
    {
        return runtime.version();
    }

    @Override
    public long getUptime()
    {
        return System.currentTimeMillis() - runtime.startedAtMillis();
    }

    @Override
    public String getDataFolder()
    {
        final Path folder = runtime.dataFolder();
        return folder == null ? "" : folder.toString();
    }

    @Override
    public Map<String, String> getConfiguration()
    {
        return runtime.configuration();
    }

    @Override
    public String eval(final String script)
    {
        return evalIn(runtime.configuration().getOrDefault("scope", ""), script, "Runtime.eval");
    }

    @Override
    public String evalIn(final String scope, final String script)
    {
        if (scope == null)
        {
            throw new IllegalArgumentException("evalIn: scope is null (use an empty string for the root scope)");
        }
        return evalIn(scope, script, "Runtime.evalIn");
    }

    private String evalIn(final String scope, final String script, final String operation)
    {
        if (script == null)
        {
            throw new IllegalArgumentException(operation.substring(8) + ": script is null");
        }
        audit.record(CurrentSubject.who(), operation, scope.isEmpty() ? script : "scope=" + scope + " " + script);
        return String.join("\n", runtime.eval(scope, script));
    }

    @Override
    public String stop()
    {
        audit.record(CurrentSubject.who(), "Runtime.stop", "");
        return runtime.stop();
    }
}
