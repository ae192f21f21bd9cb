package dev.sxs.cli;

import java.nio.file.Path;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sxs attach PID [key=value,...]}: load the sxs agent into a running JVM of this user.
 */
@Command(name = "attach", description = {
    "Load sxs into a running JVM (same user). Settings as for -javaagent: key=value,key=value.",
    "JDK 21+ targets warn about dynamically loaded agents unless started with -XX:+EnableDynamicAgentLoading."})
final class AttachCommand implements Callable<Integer>
{
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

    @Override
    public Integer call()
    {
        final TargetJvm jvm = TargetJvm.of(pid);
        final String before = jvm.sxsStatus();
        if (before.equals("running") || before.equals("starting"))
        {
            spec.commandLine().getErr().println("sxs attach: sxs is already " + before + " in JVM " + pid);
            return SxsCli.EXIT_OK;
        }
        final String after = jvm.loadAgent(Results.agentJar(), absolutePaths(settings, Path.of("").toAbsolutePath()));
        if (!after.equals("running"))
        {
            // a bad setting is the user's to fix (exit 2, like run); anything else is the target's refusal
            final int exit = after.startsWith(FAILED_BAD_CONFIGURATION) ? SxsCli.EXIT_USAGE : SxsCli.EXIT_UNREACHABLE;
            throw new CliException(exit, "sxs did not start in JVM " + pid + ": " + after);
        }
        spec.commandLine().getOut().println("sxs is running in JVM " + pid);
        final int feature = TargetJvm.featureVersion(jvm.systemProperties()
            .getProperty("java.specification.version", "0"));
        if (feature >= 21)
        {
            spec.commandLine().getErr()
                .println("note: Java " + feature + " warns about agents loaded into a running JVM; "
                + "start it with -XX:+EnableDynamicAgentLoading to allow them silently (a future JDK will require it)");
        }
        return SxsCli.EXIT_OK;
    }
}
