package dev.sxs.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;

import dev.sxs.bootstrap.SxsBootstrap;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * A JVM on this machine reached by PID through the attach API: checks the attach preconditions with a
 * precise message for each, reads its system properties (where the agent publishes {@code sxs.status}),
 * loads the sxs agent into it, and starts its local JMX connector.
 * <p>
 * Not thread-safe; one command uses one instance. Failures are {@link CliException}s with exit status
 * {@link SxsCli#EXIT_UNREACHABLE} (or {@link SxsCli#EXIT_USAGE} for a malformed PID).
 */
public final class TargetJvm
{
    /** Lowest Java feature version sxs runs on. */
    public static final int MIN_JAVA = 17;

    private final long pid;

    private TargetJvm(final long pid)
    {
        this.pid = pid;
    }

    /**
     * Check that {@code pid} names a live process of this user that we can attach to.
     *
     * @param pidText the PID as typed.
     * @return the target.
     * @throws CliException naming the failed precondition.
     */
    public static TargetJvm of(final String pidText)
    {
        final long pid;
        try
        {
            pid = Long.parseLong(pidText.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new CliException(SxsCli.EXIT_USAGE, "'" + pidText + "' is not a process id");
        }
        requireAttachModule();
        if (pid == ProcessHandle.current().pid())
        {
            throw new CliException(SxsCli.EXIT_USAGE, "PID " + pid + " is this sxs command itself");
        }
        final Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive())
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, "no process with PID " + pid + " is running");
        }
        final String me = System.getProperty("user.name");
        final Optional<String> owner = process.get().info().user();
        if (owner.isPresent() && !owner.get().equals(me) && !"root".equals(me))
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, "process " + pid + " belongs to user '" + owner.get()
                + "' and you are '" + me + "': the attach API only connects JVMs of the same user (run sxs as '"
                    + owner.get() + "')");
        }
        if (!looksLikeAJvm(pid))
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, "process " + pid + " ("
                + process.get().info().command().orElse("?") + ") is not a Java VM");
        }
        return new TargetJvm(pid);
    }

    /**
     * A quick answer for a PID that is no JVM, instead of the attach API's 10 s timeout: false only
     * when the process is not among the JVMs the attach API lists and its memory map (Linux
     * {@code /proc/PID/maps}) is readable and shows no {@code libjvm}. True when in doubt.
     *
     * @param pid the process id.
     * @return whether the process may be a JVM.
     */
    static boolean looksLikeAJvm(final long pid)
    {
        final String id = Long.toString(pid);
        for (final VirtualMachineDescriptor vm : VirtualMachine.list())
        {
            if (vm.id().equals(id))
            {
                return true;
            }
        }
        final Path maps = Path.of("/proc", id, "maps");
        try (Stream<String> lines = Files.lines(maps))
        {
            return lines.anyMatch(line -> line.contains("/libjvm."));
        }
        catch (final IOException | UncheckedIOException | SecurityException ex)
        {
            return true; // not Linux, or not readable: let the attach API decide
        }
    }

    /**
     * @throws CliException when this Java has no {@code jdk.attach} module.
     */
    public static void requireAttachModule()
    {
        final String missing = Environment.missingAttach();
        if (missing != null)
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, missing);
        }
    }

    /** @return the PID. */
    public long pid()
    {
        return pid;
    }

    /**
     * @return the JVMs of this user on this machine that the attach API lists.
     */
    public static List<VirtualMachineDescriptor> list()
    {
        requireAttachModule();
        return VirtualMachine.list();
    }

    /**
     * @return the target's system properties.
     * @throws CliException when it cannot be attached.
     */
    public Properties systemProperties()
    {
        final VirtualMachine vm = attach();
        try
        {
            return vm.getSystemProperties();
        }
        catch (final IOException ex)
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, "cannot read the system properties of JVM " + pid + ": "
                + ex.getMessage(), ex);
        }
        finally
        {
            detach(vm);
        }
    }

    /**
     * @return the options the target JVM was started with ({@code sun.jvm.args} and {@code sun.jvm.flags} of its
     *         agent properties), "" when it does not publish them.
     * @throws CliException when it cannot be attached.
     */
    public String jvmOptions()
    {
        final VirtualMachine vm = attach();
        try
        {
            final Properties props = vm.getAgentProperties();
            return props.getProperty("sun.jvm.args", "") + " " + props.getProperty("sun.jvm.flags", "");
        }
        catch (final IOException ex)
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, "cannot read the options of JVM " + pid + ": "
                + ex.getMessage(), ex);
        }
        finally
        {
            detach(vm);
        }
    }

    /**
     * @return sxs's state in the target: {@code running}, {@code starting}, {@code stopped},
     *         {@code failed: ...}, or {@code not loaded}.
     */
    public String sxsStatus()
    {
        return systemProperties().getProperty(SxsBootstrap.STATUS_PROPERTY, "not loaded");
    }

    /**
     * Load the sxs agent into the target and wait until it has started or failed.
     *
     * @param agentJar the agent jar.
     * @param args     agent arguments ({@code key=value,...}), may be empty.
     * @return sxs's state afterwards (see {@link #sxsStatus()}).
     * @throws CliException when the target runs an old Java or refuses the agent.
     */
    public String loadAgent(final File agentJar, final String args)
    {
        final Properties props = systemProperties();
        final int feature = featureVersion(props.getProperty("java.specification.version", "0"));
        if (feature < MIN_JAVA)
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, "JVM " + pid + " runs Java "
                + props.getProperty("java.specification.version")
                + "; sxs needs Java " + MIN_JAVA + " or newer");
        }
        try
        {
            ByteBuddyAgent.attach(agentJar, Long.toString(pid), args == null || args.isEmpty() ? null : args);
        }
        catch (final RuntimeException ex)
        {
            final Throwable root = rootCause(ex);
            throw new CliException(SxsCli.EXIT_UNREACHABLE, "could not load the agent into JVM " + pid + ": " + root
                + " (was it started with -XX:+DisableAttachMechanism, or -XX:-EnableDynamicAgentLoading?)", ex);
        }
        return sxsStatus();
    }

    /**
     * @return the address of the target's local JMX connector, started when needed.
     */
    public String localJmxAddress()
    {
        final VirtualMachine vm = attach();
        try
        {
            return vm.startLocalManagementAgent();
        }
        catch (final IOException ex)
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, "cannot start the local JMX connector of JVM " + pid + ": "
                + ex.getMessage(), ex);
        }
        finally
        {
            detach(vm);
        }
    }

    /**
     * @param specVersion a {@code java.specification.version} ("1.8", "17", "25").
     * @return its feature number (8, 17, 25), 0 when unreadable.
     */
    public static int featureVersion(final String specVersion)
    {
        try
        {
            final String v = specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion;
            final int dot = v.indexOf('.');
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }

    private VirtualMachine attach()
    {
        try
        {
            return VirtualMachine.attach(Long.toString(pid));
        }
        catch (final AttachNotSupportedException ex)
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, "cannot attach to process " + pid + ": " + ex.getMessage()
                + " (is it a Java VM of the same user, not started with -XX:+DisableAttachMechanism?)", ex);
        }
        catch (final IOException ex)
        {
            throw new CliException(SxsCli.EXIT_UNREACHABLE, "cannot attach to process " + pid + ": " + ex.getMessage(),
                ex);
        }
    }

    private static void detach(final VirtualMachine vm)
    {
        try
        {
            vm.detach();
        }
        catch (final IOException ignored)
        {
            // the connection is gone either way
        }
    }

    private static Throwable rootCause(final Throwable t)
    {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r)
        {
            r = r.getCause();
        }
        return r;
    }
}
