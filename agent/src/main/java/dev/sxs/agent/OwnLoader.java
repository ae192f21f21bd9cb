package dev.sxs.agent;

import java.io.Closeable;
import java.io.IOException;

/**
 * Releases the jars of the class loader sxs runs in, once sxs has stopped or failed to start in a host.
 * Only sxs's own loader (named {@link ThreadScrubber#SXS_LOADER_NAME}) is ever closed: in tests and in the
 * standalone CLI the agent classes come from another loader, which is left alone.
 * <p>
 * Threading: call once, from the thread that stops sxs. Failure: never throws.
 */
final class OwnLoader
{
    private OwnLoader()
    {
    }

    /**
     * Close the sxs class loader that loaded this class, if it is one.
     */
    static void close()
    {
        final ClassLoader loader = OwnLoader.class.getClassLoader();
        if (loader instanceof Closeable closeable && ThreadScrubber.SXS_LOADER_NAME.equals(loader.getName()))
        {
            try
            {
                closeable.close();
            }
            catch (final IOException ignored)
            {
                // the jars stay open until the loader is collected
            }
        }
    }
}
