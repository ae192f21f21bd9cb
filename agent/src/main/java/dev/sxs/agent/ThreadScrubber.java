package dev.sxs.agent;

import java.lang.reflect.Field;
import java.security.AccessControlContext;
import java.security.ProtectionDomain;

/**
 * Removes references to the sxs class loader from JDK threads that outlive sxs. A thread inherits its
 * creator's context class loader and (up to JDK 23) an access control context holding the protection
 * domains, hence the class loaders, of the classes on the creator's stack. JDK thread pools that start
 * a worker while sxs code is on the stack keep it after sxs stops: the JDK's {@code process reaper}
 * (started when a library inside sxs runs a process, e.g. JNA's {@code ldconfig -p}) lives on for a
 * minute and would pin the sxs class loader. On unload each thread whose context class loader is the
 * sxs loader (it was created while sxs code ran) gets the system class loader as context class loader
 * and an empty inherited access control context; thread groups of classes sxs loaded (Chronicle's
 * thread factories) are destroyed.
 * <p>
 * Threading: call from the stopping thread after every sxs thread ended. Failure: best effort; a JDK
 * without the field is simply skipped. Needs {@code java.lang} opened to sxs (it is, by the bootstrap).
 */
final class ThreadScrubber
{
    /** Name the bootstrap gives the sxs class loader. */
    static final String SXS_LOADER_NAME = "sxs";

    private ThreadScrubber()
    {
    }

    /**
     * @param loader the sxs class loader.
     * @return how many threads referred to it.
     */
    @SuppressWarnings("removal")
    static int scrub(final ClassLoader loader)
    {
        int scrubbed = 0;
        if (loader == null || !SXS_LOADER_NAME.equals(loader.getName()))
        {
            return 0; // not loaded by the bootstrap (tests, embedding): nothing of ours to scrub
        }
        final Field acc = accessControlContextField();
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (t == Thread.currentThread())
            {
                continue;
            }
            if (t.getContextClassLoader() != loader)
            {
                continue;
            }
            t.setContextClassLoader(ClassLoader.getSystemClassLoader());
            if (acc != null)
            {
                try
                {
                    acc.set(t, new AccessControlContext(new ProtectionDomain[0]));
                }
                catch (final ReflectiveOperationException | RuntimeException ignored)
                {
                    // leave this thread's context as it is
                }
            }
            scrubbed++;
        }
        destroyThreadGroups(loader);
        return scrubbed;
    }

    /**
     * Chronicle's {@code NamedThreadFactory} is a {@link ThreadGroup}; up to JDK 18 a parent group
     * holds its subgroups strongly until they are destroyed, which would keep the sxs class loader
     * (the subgroup's class) alive for good. Destroy the now empty groups whose class sxs loaded.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void destroyThreadGroups(final ClassLoader loader)
    {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null)
        {
            root = root.getParent();
        }
        final ThreadGroup[] groups = new ThreadGroup[root.activeGroupCount() + 16];
        final int count = root.enumerate(groups, true);
        for (int i = 0; i < count; i++)
        {
            final ThreadGroup g = groups[i];
            if (g != null && g.getClass().getClassLoader() == loader)
            {
                try
                {
                    g.destroy();
                }
                catch (final RuntimeException ignored)
                {
                    // still has threads, already destroyed, or a JDK where groups are held weakly anyway
                }
            }
        }
    }

    private static Field accessControlContextField()
    {
        try
        {
            final Field f = Thread.class.getDeclaredField("inheritedAccessControlContext");
            f.setAccessible(true);
            return f;
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            return null;
        }
    }
}
