package dev.sxs.jmx.mbean;

import dev.sxs.events.Channel;
import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.jmx.access.ChannelAccess;
import dev.sxs.jmx.access.RuntimeAccess;
import dev.sxs.jmx.audit.AuditLog;
import dev.sxs.jmx.remote.CurrentSubject;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRequest;

import javax.management.openmbean.CompositeData;
import javax.management.openmbean.OpenType;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@link RuntimeMXBean}: reads the runtime through {@link RuntimeAccess}; hands {@code eval},
 * {@code evalIn}, {@code evalSession} and {@code publish} to the runtime's gateway as submissions of the
 * calling JMX principal (the gateway resolves the scope and audits them); audits {@code stop} before
 * running it, and runs it only with its confirmation argument ({@link #STOP_CONFIRMATION}). Thread-safe;
 * holds no state of its own.
 */
public final class RuntimeControl implements RuntimeMXBean, OpenAttributes
{
    /** The {@code client} the sxs command line passes to {@code evalSession}. */
    public static final String CLI_CLIENT = "cli";
    /** The attribute holding the configuration as one composite. */
    public static final String CONFIGURATION = "Configuration";
    /** The argument {@code stop} needs, typed on purpose: anything else is refused and nothing stops. */
    public static final String STOP_CONFIRMATION = "stop";

    private final RuntimeAccess runtime;
    private final ChannelAccess channels;
    private final AuditLog audit;
    private final ConfigurationData configuration;
    private final Map<String, OpenType<?>> openTypes;
    private final SxsNotifications notifications;

    /**
     * @param runtime  the runtime.
     * @param channels the channels, for {@code publish}.
     * @param audit    where stops are recorded.
     */
    public RuntimeControl(final RuntimeAccess runtime, final ChannelAccess channels, final AuditLog audit)
    {
        this(runtime, channels, audit, null);
    }

    /**
     * @param runtime       the runtime.
     * @param channels      the channels, for {@code publish}.
     * @param audit         where stops are recorded.
     * @param notifications told when sxs stops; null for none.
     */
    public RuntimeControl(final RuntimeAccess runtime, final ChannelAccess channels, final AuditLog audit,
        final SxsNotifications notifications)
    {
        this.notifications = notifications;
        this.runtime = runtime;
        this.channels = channels;
        this.audit = audit;
        this.configuration = new ConfigurationData(runtime.configuration().keySet());
        this.openTypes = Map.of(CONFIGURATION, configuration.type());
    }

    @Override
    public String getStatus()
    {
        return runtime.status();
    }

    @Override
    public boolean publish(final String channel, final int topic, final String payload)
    {
        return channel("publish", channel).publish(topic, payload, null);
    }

    @Override
    public boolean publishIn(final String scope, final String channel, final int topic, final String payload)
    {
        if (scope == null)
        {
            throw Failures.badArgument("publishIn: scope is null (use an empty string for the root scope)");
        }
        return channel("publishIn", channel).publish(topic, payload, scope);
    }

    @Override
    public boolean publishString(final String channel, final int topic, final String text)
    {
        return channel("publishString", channel).publishString(topic, text, null);
    }

    private ChannelControl channel(final String operation, final String channel)
    {
        final Channel c = channel == null ? null : Channel.byName(channel.trim());
        if (c == null || c == Channel.EXEC)
        {
            throw Failures.badArgument(operation + ": bad channel '" + channel + "' (expected A..F)");
        }
        return new ChannelControl(c, channels);
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
    public CompositeData getConfiguration()
    {
        return configuration.data(runtime.configuration());
    }

    @Override
    public Map<String, OpenType<?>> openAttributeTypes()
    {
        return openTypes;
    }

    @Override
    public Object openAttribute(final String name)
    {
        if (!CONFIGURATION.equals(name))
        {
            throw new IllegalArgumentException("no open attribute " + name);
        }
        return getConfiguration();
    }

    @Override
    public String eval(final String script)
    {
        return run(script, Principal.jmx(CurrentSubject.who()), "Runtime.eval", SessionRequest.FRESH);
    }

    @Override
    public String evalIn(final String scope, final String script)
    {
        if (scope == null)
        {
            throw Failures.badArgument("evalIn: scope is null (use an empty string for the root scope)");
        }
        return run(script, Principal.jmx(CurrentSubject.who()), "Runtime.evalIn", SessionRequest.fresh(scope));
    }

    @Override
    public String evalSession(final String session, final boolean replace, final String scope, final String script,
        final String client)
    {
        return evalSession(session, replace, scope, script, client, null);
    }

    @Override
    public String evalSession(final String session, final boolean replace, final String scope, final String script,
        final String client, final String entity)
    {
        final String who = CurrentSubject.who();
        final Principal principal = (CLI_CLIENT.equals(client) ? Principal.cli(who) : Principal.jmx(who))
            .as(entity == null ? null : entity.strip());
        final String name = session == null || session.isBlank() ? null : session.strip();
        if (replace && name == null)
        {
            throw Failures.badArgument("evalSession: replace needs a session name");
        }
        return run(script, principal, "Runtime.evalSession", new SessionRequest(name, scope, replace));
    }

    private String run(final String script, final Principal who, final String action, final SessionRequest session)
    {
        if (script == null)
        {
            throw Failures.badArgument(action.substring(8) + ": script is null");
        }
        return String.join("\n", runtime.eval(ScriptSubmission.of(script, who, action, session)));
    }

    @Override
    public String stop(final String confirm)
    {
        if (!STOP_CONFIRMATION.equals(confirm == null ? null : confirm.strip()))
        {
            throw Failures.badArgument("stop: not confirmed: give confirm=" + STOP_CONFIRMATION
                + " to stop sxs (drains events, closes the store and journal, unregisters the MBeans, unloads "
                + "the agent)");
        }
        final String who = CurrentSubject.who();
        audit.record(who, "Runtime.stop", "");
        if (notifications != null)
        {
            notifications.stopping("Runtime.stop called by " + who);
        }
        return runtime.stop();
    }
}
