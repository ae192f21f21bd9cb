package dev.sxs.agent;

import java.util.List;

import dev.sxs.events.Channel;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.ReadResult;
import dev.sxs.lang.Reader;

/**
 * The {@code dev.sxs:type=Runtime} MBean: evaluation, publishing and stop for tools and host code.
 * Every operation is delegated to {@link SxsAgent}, which evaluates on sxs threads. Never throws.
 */
final class RuntimeControl implements RuntimeControlMBean
{
    private final SxsAgent agent;

    RuntimeControl(final SxsAgent agent)
    {
        this.agent = agent;
    }

    @Override
    public String getStatus()
    {
        return agent.stopped() ? "stopped" : "running";
    }

    @Override
    public String getVersion()
    {
        final String v = SxsAgent.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public long getUptime()
    {
        return System.currentTimeMillis() - agent.startedAtMillis();
    }

    @Override
    public String getDataFolder()
    {
        return agent.config().dataDir() == null ? "" : agent.config().dataDir().toAbsolutePath().toString();
    }

    @Override
    public String eval(final String script)
    {
        return String.join("\n", agent.evalPrinted(script == null ? "" : script, null));
    }

    @Override
    public String evalIn(final String scope, final String script)
    {
        return String.join("\n", agent.evalPrinted(script == null ? "" : script, scope == null ? "" : scope));
    }

    @Override
    public String publish(final String channel, final int topic, final String payload)
    {
        final Channel ch = Channel.byName(channel);
        if (ch == null || ch == Channel.EXEC)
        {
            return error("publish: bad channel '" + channel + "' (expected A..F)");
        }
        if (!Channel.isValidTopic(topic))
        {
            return error("publish: topic " + topic + " out of range 0..65535");
        }
        final ReadResult read = Reader.read(payload == null ? "" : payload);
        if (!read.ok())
        {
            return error("publish: payload: " + read.error().message());
        }
        if (read.forms().size() != 1)
        {
            return error("publish: payload must be exactly one value, got " + read.forms().size());
        }
        final List<String> result = agent.evalPrinted(
            "(core/event/pub " + ch.label() + " " + topic + " '" + Printer.print(read.forms().get(0)) + ")", null);
        return result.isEmpty() ? error("publish: no result") : result.get(0);
    }

    @Override
    public String stop()
    {
        return agent.stop();
    }

    private static String error(final String message)
    {
        return Printer.print(new ErrorValue(message));
    }
}
