package dev.sxs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import dev.sxs.agent.AgentSettings;
import dev.sxs.bootstrap.SxsBootstrap;
import dev.sxs.runtime.ConfigException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sxs attach PID [key=value,...]}: load the sxs agent into a running JVM of this user.
 */
@Command(name = "attach", description = {
    "Load sxs into a running JVM (same user). Settings as for -javaagent: key=value,key=value.",
    "Without settings after a stop, the settings of the previous load in that JVM are used again.",
    "Into a running sxs: exit 0 with the same settings (or none), 2 with other settings, saying what differs.",
    "JDK 21+ targets warn about dynamically loaded agents unless started with -XX:+EnableDynamicAgentLoading."})
final class AttachCommand implements Callable<Integer>
{
    /** The JVM option that lets agents load into a running JVM without a warning (JEP 451). */
    static final String DYNAMIC_AGENT_FLAG = "-XX:+EnableDynamicAgentLoading";
    /** The first Java feature release that warns about dynamically loaded agents. */
    static final int DYNAMIC_AGENT_WARNING_FEATURE = 21;

    /** How {@code sxs.status} begins when the agent refused its settings. */
    static final String FAILED_BAD_CONFIGURATION = "failed: bad configuration:";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "process id of the target JVM")
    String pid;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SETTINGS",
        description = "agent settings, e.g. data=/var/sxs,events.workers=2")
    String settings = "";

    /** Settings that name files or folders: relative ones are given relative to where the user typed them. */
    static final Set<String> PATH_KEYS = Set.of("data", "boot", "config", "journal.dir", "jmx.passwordFile",
        "jmx.accessFile");

    /**
     * Make the relative paths of {@link #PATH_KEYS} absolute against the CLI's working folder, since the
     * target JVM would resolve them against its own. Other pairs, empty values and malformed pairs are
     * passed on unchanged (the agent reports what is wrong with them).
     *
     * @param settings the agent settings as typed, {@code key=value,key=value}.
     * @param cwd      the folder relative paths are relative to.
     * @return the settings to hand to the agent.
     */
    static String absolutePaths(final String settings, final Path cwd)
    {
        if (settings.isBlank())
        {
            return settings;
        }
        final StringJoiner out = new StringJoiner(",");
        for (final String pair : settings.split(","))
        {
            final int eq = pair.indexOf('=');
            final String key = eq < 0 ? "" : pair.substring(0, eq).trim();
            final String value = eq < 0 ? "" : pair.substring(eq + 1).trim();
            if (PATH_KEYS.contains(key) && !value.isEmpty() && !Path.of(value).isAbsolute())
            {
                out.add(key + "=" + cwd.resolve(value).normalize());
            }
            else
            {
                out.add(pair);
            }
        }
        return out.toString();
    }

    /**
     * What differs between the settings sxs runs with and the settings asked for.
     *
     * @param running the agent arguments of the running sxs ({@code key=value,...}, "" for none).
     * @param asked   the agent arguments asked for.
     * @return "" when they are the same pairs, else one {@code key: running X, asked Y} per differing key.
     */
    static String differences(final String running, final String asked)
    {
        final Map<String, String> was = pairs(running);
        final Map<String, String> now = pairs(asked);
        final Set<String> keys = new TreeSet<>(was.keySet());
        keys.addAll(now.keySet());
        final StringJoiner out = new StringJoiner("; ");
        for (final String key : keys)
        {
            if (!Objects.equals(was.get(key), now.get(key)))
            {
                out.add(key + ": running " + shown(was.get(key)) + ", asked " + shown(now.get(key)));
            }
        }
        return out.toString();
    }

    private static Map<String, String> pairs(final String settings)
    {
        try
        {
            return AgentSettings.parseArgs(settings);
        }
        catch (final ConfigException ex)
        {
            throw new CliException(SxsCli.EXIT_USAGE, ex.getMessage());
        }
    }

    private static String shown(final String value)
    {
        return value == null ? "(not set)" : value.isEmpty() ? "(empty)" : value;
    }

    @Override
    public Integer call()
    {
        final TargetJvm jvm = TargetJvm.of(pid);
        final Properties props = jvm.systemProperties();
        final String before = props.getProperty(SxsBootstrap.STATUS_PROPERTY, "not loaded");
        final String previous = props.getProperty(SxsBootstrap.SETTINGS_PROPERTY);
        final String asked = absolutePaths(settings, Path.of("").toAbsolutePath());
        final PrintWriter err = spec.commandLine().getErr();
        if (before.equals("running") || before.equals("starting"))
        {
            final String differs = settings.isBlank() || previous == null ? "" : differences(previous, asked);
            if (!differs.isEmpty())
            {
                throw new CliException(SxsCli.EXIT_USAGE, "sxs is already " + before + " in JVM " + pid
                    + " with other settings (" + differs + "); to load it with these: sxs stop " + pid
                    + ", then attach again");
            }
            err.println("sxs attach: sxs is already " + before + " in JVM " + pid);
            return SxsCli.EXIT_OK;
        }
        String args = asked;
        if (settings.isBlank() && previous != null && !previous.isBlank())
        {
            // a bare re-attach after stop would open the host's ./sxs-data: load sxs as it was before
            args = previous;
            err.println("sxs attach: using the settings of the previous load in JVM " + pid + ": " + previous);
        }
        final String after = jvm.loadAgent(Results.agentJar(), args);
        if (!after.equals("running"))
        {
            // a bad setting is the user's to fix (exit 2, like run); anything else is the target's refusal
            final int exit = after.startsWith(FAILED_BAD_CONFIGURATION) ? SxsCli.EXIT_USAGE : SxsCli.EXIT_UNREACHABLE;
            throw new CliException(exit, "sxs did not start in JVM " + pid + ": " + after);
        }
        spec.commandLine().getOut().println("sxs is running in JVM " + pid);
        final int feature = TargetJvm.featureVersion(props.getProperty("java.specification.version", "0"));
        if (feature >= DYNAMIC_AGENT_WARNING_FEATURE && !jvm.jvmOptions().contains(DYNAMIC_AGENT_FLAG))
        {
            err.println("sxs attach: note: Java " + feature + " warns about agents loaded into a running JVM; "
                + "start it with " + DYNAMIC_AGENT_FLAG + " to allow them silently (a future JDK will require it)");
        }
        return SxsCli.EXIT_OK;
    }
}
