package dev.sxs.agent;

import java.lang.instrument.Instrumentation;
import java.util.function.BooleanSupplier;

import dev.sxs.bootstrap.SxsBootstrap;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;

/**
 * Inner entry point of agent mode, called reflectively by the bootstrap on the {@code sxs-boot} thread
 * with the sxs class loader as context class loader. Publishes the outcome in the system property
 * {@value SxsBootstrap#STATUS_PROPERTY} and, on failure, one line on stderr; never throws, never exits.
 */
public final class AgentMain
{
    private AgentMain()
    {
    }

    /**
     * Start sxs in this JVM.
     *
     * @param args    the agent arguments, may be null.
     * @param inst    the instrumentation (JDK internals were already opened by the bootstrap).
     * @param premain true when loaded at JVM start, false when attached.
     * @param hostShuttingDown whether the host's shutdown has begun: the bootstrap's {@code HostShutdown}, handed in
     *                         as a JDK type because this class lives in sxs's own class loader, which does not see
     *                         the bootstrap's classes.
     */
    public static void start(final String args, final Instrumentation inst, final boolean premain,
        final BooleanSupplier hostShuttingDown)
    {
        try
        {
            final Config config = AgentSettings.resolve(args, System.getProperties());
            SxsAgent.start(config, inst);
            System.setProperty(SxsBootstrap.SETTINGS_PROPERTY, args == null ? "" : args);
            System.setProperty(SxsBootstrap.STATUS_PROPERTY, "running");
        }
        catch (final ConfigException ex)
        {
            fail("bad configuration: " + ex.getMessage(), hostShuttingDown);
        }
        catch (final Throwable t)
        {
            try
            {
                // the runtime may have got as far as starting Chronicle's threads: release them
                ChronicleHousekeeping.unload();
                ThreadScrubber.scrub(AgentMain.class.getClassLoader());
            }
            catch (final Throwable ignored)
            {
                // best effort
            }
            fail("could not start: " + (t.getMessage() == null ? t.toString() : t.getMessage()), hostShuttingDown);
        }
    }

    private static void fail(final String reason, final BooleanSupplier hostShuttingDown)
    {
        if (hostShuttingDown.getAsBoolean())
        {
            // the host exited while sxs started (its shutdown hook was refused): not a failure to report
            System.setProperty(SxsBootstrap.STATUS_PROPERTY, SxsBootstrap.SHUTDOWN_STATUS);
            OwnLoader.close();
            return;
        }
        final String line = reason.replace('\n', ' ');
        System.setProperty(SxsBootstrap.STATUS_PROPERTY, "failed: " + line);
        System.err.println("[sxs] " + line + "; sxs is not running, the application continues");
        OwnLoader.close();
    }
}
