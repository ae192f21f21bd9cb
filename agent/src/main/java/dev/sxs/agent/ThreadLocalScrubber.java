package dev.sxs.agent;

import java.lang.ref.Reference;
import java.lang.reflect.Field;

/**
 * Removes what sxs left in the thread-local maps of threads that outlive it. A probe publishes on the host's own
 * thread, and the libraries on the publish path (Chronicle's journal among them) keep per-thread state in
 * thread-locals: the value of such an entry stays strongly reachable from the host thread until that thread
 * happens to expunge the entry, so one probed call with the journal on pinned the whole sxs class loader after
 * {@code stop}. On unload every entry of every live thread whose thread-local or value is of a class sxs loaded
 * is cleared (key and value), as the garbage collector and the map's own expunging would eventually do.
 * <p>
 * Threading: call from the stopping thread after every sxs thread ended. Another thread may use its map
 * meanwhile: an entry cleared here is one only sxs's code used, and a map already copes with entries whose key
 * the collector clears at any moment. Failure: best effort; a JDK whose map looks different is skipped. Needs
 * {@code java.lang} opened to sxs (it is, by the bootstrap).
 */
final class ThreadLocalScrubber
{
    private ThreadLocalScrubber()
    {
    }

    /**
     * @param loader the sxs class loader (nothing is done for any other loader, e.g. in tests).
     * @return how many entries were cleared.
     */
    static int scrub(final ClassLoader loader)
    {
        if (loader == null || !ThreadScrubber.SXS_LOADER_NAME.equals(loader.getName()))
        {
            return 0;
        }
        try
        {
            final Field threadLocals = Thread.class.getDeclaredField("threadLocals");
            final Field inheritable = Thread.class.getDeclaredField("inheritableThreadLocals");
            threadLocals.setAccessible(true);
            inheritable.setAccessible(true);
            int cleared = 0;
            for (final Thread t : Thread.getAllStackTraces().keySet())
            {
                cleared += scrubMap(threadLocals.get(t), loader) + scrubMap(inheritable.get(t), loader);
            }
            return cleared;
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            return 0;
        }
    }

    private static int scrubMap(final Object map, final ClassLoader loader) throws ReflectiveOperationException
    {
        if (map == null)
        {
            return 0;
        }
        final Field tableField = map.getClass().getDeclaredField("table");
        tableField.setAccessible(true);
        final Object[] table = (Object[])tableField.get(map);
        int cleared = 0;
        Field valueField = null;
        for (final Object entry : table)
        {
            if (entry == null)
            {
                continue;
            }
            if (valueField == null)
            {
                valueField = entry.getClass().getDeclaredField("value");
                valueField.setAccessible(true);
            }
            final Object key = ((Reference<?>)entry).get();
            final Object value = valueField.get(entry);
            if (ofSxs(key, loader) || ofSxs(value, loader))
            {
                valueField.set(entry, null);
                ((Reference<?>)entry).clear();
                cleared++;
            }
        }
        return cleared;
    }

    private static boolean ofSxs(final Object o, final ClassLoader loader)
    {
        if (o == null)
        {
            return false;
        }
        Class<?> type = o.getClass();
        while (type.isArray())
        {
            type = type.getComponentType();
        }
        return type.getClassLoader() == loader;
    }
}
