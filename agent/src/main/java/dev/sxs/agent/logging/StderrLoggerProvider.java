package dev.sxs.agent.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J 2 provider found by {@code ServiceLoader} in the sxs class loader; loggers are
 * {@link StderrLogger}s. Stateless apart from the factories; thread-safe.
 */
public final class StderrLoggerProvider implements SLF4JServiceProvider
{
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final ILoggerFactory loggers = name -> new StderrLogger(name, !isQuiet(name));

    /**
     * Loggers that print nothing. Chronicle loads its thread-affinity library at start-up whether or not
     * anything pins threads (sxs does not), and that library warns twice that JNA, which sxs leaves out
     * on purpose, is missing.
     */
    private static boolean isQuiet(final String name)
    {
        return name.startsWith("net.openhft.affinity");
    }

    @Override
    public ILoggerFactory getLoggerFactory()
    {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory()
    {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter()
    {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion()
    {
        return "2.0.99";
    }

    @Override
    public void initialize()
    {
        // nothing to set up
    }
}
