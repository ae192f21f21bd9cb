package dev.sxs.bootstrap;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * The class loader of everything sxs runs: the sxs runtime, the agent and CLI classes and every
 * dependency (Chronicle, Byte Buddy, Metrics, picocli), loaded from the extracted nested jars.
 * <p>
 * In agent mode its parent is the platform class loader, so the host's classes (and the host's own
 * copies of the same libraries) are invisible to sxs, and nothing of sxs is visible to the host. A distinct type so
 * operators and tests can count live instances ({@code jcmd PID GC.class_histogram}): after
 * {@code stop} and a GC none should remain.
 */
public final class SxsClassLoader extends URLClassLoader
{
    static
    {
        ClassLoader.registerAsParallelCapable();
    }

    /**
     * @param urls   the extracted jars.
     * @param parent the platform class loader in agent mode; the system class loader for the CLI, whose
     *               JVM is sxs's own and whose tools need {@code jdk.attach} (defined to that loader).
     */
    SxsClassLoader(final URL[] urls, final ClassLoader parent)
    {
        super("sxs", urls, parent);
    }
}
