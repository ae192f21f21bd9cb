package dev.sxs.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import dev.sxs.agent.probe.ByteBuddyProbes;
import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;
import dev.sxs.lang.probe.InlineProbes;
import dev.sxs.lang.probe.ProbeException;
import dev.sxs.lang.probe.ProbeRegistry;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRequest;

/**
 * The agent's probes: plugs {@link ByteBuddyProbes} into a runtime (the interpreter's services, so the
 * {@code core/probe/*} commands find it, and the session registry, so sessions own their probes), runs the
 * {@code probes=} file and the inline {@code probe=} probes in the named session {@value #SESSION}, and unplugs
 * everything at stop. Without
 * instrumentation (an embedded agent in a test) or when the JVM refuses it, sxs runs without probes and the
 * commands say so.
 * <p>
 * Threading: {@link #start} and {@link #close} on the agent's start and stop threads. Failure: {@link #close}
 * never throws.
 */
final class AgentProbes implements AutoCloseable
{
    /** The session that runs the probes file and owns its probes. */
    static final String SESSION = "probes";

    private final SxsRuntime runtime;
    private final ByteBuddyProbes probes;

    private AgentProbes(final SxsRuntime runtime, final ByteBuddyProbes probes)
    {
        this.runtime = runtime;
        this.probes = probes;
    }

    /**
     * @param config the configuration.
     * @return the probes file's text, or null when none is set.
     * @throws ConfigException when it is set and cannot be read (before anything is opened).
     */
    static String readFile(final Config config)
    {
        final Path file = config.probesFile();
        if (file == null)
        {
            return null;
        }
        try
        {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException ex)
        {
            throw new ConfigException("cannot read probes file '" + file + "': no such file");
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new ConfigException("cannot read probes file '" + file + "': " + ex.getMessage());
        }
    }

    /**
     * @param inst    the JVM's instrumentation, or null.
     * @param runtime the runtime.
     * @return the plugged-in probes, or null when this JVM gives sxs none (said on stderr).
     */
    static AgentProbes start(final Instrumentation inst, final SxsRuntime runtime)
    {
        if (inst == null)
        {
            return null;
        }
        try
        {
            final ByteBuddyProbes probes = ByteBuddyProbes.start(inst, runtime.gateway(), runtime.config().dataDir(),
                runtime.threads());
            runtime.interpreter().services().put(ProbeRegistry.class, probes);
            runtime.sessions().own(probes);
            return new AgentProbes(runtime, probes);
        }
        catch (final ProbeException ex)
        {
            System.err.println("[sxs] " + ex.getMessage() + "; sxs runs without probes");
            return null;
        }
    }

    /** @return the registry. */
    ProbeRegistry registry()
    {
        return probes;
    }

    /**
     * Run the probes file in the session {@value #SESSION} (it owns the probes until stop or until it is closed);
     * each error is one line on stderr.
     *
     * @param source the file's text.
     * @param file   its name, for the messages.
     */
    void runFile(final String source, final Path file)
    {
        run(source, "probes file " + file + ", form ");
    }

    /**
     * Run the inline probes of the setting {@code probe} ({@link InlineProbes}, validated when the settings were
     * read) in the session {@value #SESSION}, like the file's; each error is one line on stderr.
     *
     * @param text the setting's value; blank for none.
     */
    void runInline(final String text)
    {
        final List<String> forms = InlineProbes.forms(text);
        if (!forms.isEmpty())
        {
            run(String.join("\n", forms), "setting probe, probe ");
        }
    }

    private void run(final String source, final String label)
    {
        final List<Value> results = runtime.submit(ScriptSubmission.of(source, Principal.BOOT, SESSION,
            SessionRequest.named(SESSION, null))).join();
        for (int i = 0; i < results.size(); i++)
        {
            if (results.get(i).isError())
            {
                System.err.println("[sxs] " + label + (i + 1) + ": " + Printer.print(results.get(i)));
            }
        }
    }

    /** Remove every probe (original bytecode back) and unplug sxs from the bridge. Never throws. */
    @Override
    public void close()
    {
        try
        {
            runtime.sessions().disown(probes);
            runtime.interpreter().services().remove(ProbeRegistry.class);
            probes.close();
        }
        catch (final RuntimeException ex)
        {
            System.err.println("[sxs] error while removing probes: " + ex);
        }
    }
}
