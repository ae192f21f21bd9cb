package dev.sxs.concurrent;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The one source of sxs's threads. A runtime makes one at start and every part of it (dispatch workers,
 * processors, the key indexer, replay, management) takes its threads from it, so each thread sxs starts
 * is the same kind of guest in its host: named {@code sxs-...}, a daemon, of normal priority, with sxs's
 * own class loader as its context class loader, whatever thread asked for it. A thread inheriting a
 * caller's context class loader would pin that loader (a webapp's, in a servlet container) for as long
 * as the thread lives.
 * <p>
 * Threading: safe from any thread. Allocation: the thread. Failure: a name without the {@code sxs-}
 * prefix is an {@link IllegalArgumentException}.
 */
public final class SxsThreadFactory implements ThreadFactory
{
    /** The prefix of every sxs thread name. */
    public static final String NAME_PREFIX = "sxs-";

    private final ClassLoader contextLoader;
    private final String defaultName;
    private final AtomicInteger ids = new AtomicInteger();

    /**
     * @param contextLoader the context class loader every thread gets (sxs's own loader).
     * @param defaultName   the name, before a counter, of threads made through {@link #newThread(Runnable)}.
     */
    public SxsThreadFactory(final ClassLoader contextLoader, final String defaultName)
    {
        this.contextLoader = Objects.requireNonNull(contextLoader, "contextLoader");
        this.defaultName = checked(defaultName);
    }

    /**
     * @return a factory whose threads have the loader of the sxs classes as context class loader and
     *     are named {@code sxs-thread-N} unless named otherwise.
     */
    public static SxsThreadFactory create()
    {
        return new SxsThreadFactory(SxsThreadFactory.class.getClassLoader(), NAME_PREFIX + "thread-");
    }

    /**
     * @param prefix the name, before a counter, of threads made through {@link #newThread(Runnable)}.
     * @return a factory with the same class loader and another default name (for an executor's pool).
     */
    public SxsThreadFactory named(final String prefix)
    {
        return new SxsThreadFactory(contextLoader, prefix);
    }

    /** @return the context class loader of every thread this factory makes. */
    public ClassLoader contextLoader()
    {
        return contextLoader;
    }

    @Override
    public Thread newThread(final Runnable task)
    {
        return newThread(task, defaultName + ids.incrementAndGet());
    }

    /**
     * @param task the body.
     * @param name the name, starting with {@code sxs-}.
     * @return a new, unstarted thread.
     */
    public Thread newThread(final Runnable task, final String name)
    {
        // no inheritable thread-local of the creating (possibly host) thread is copied into a thread of ours
        return prepare(new Thread(null, task, checked(name), 0, false));
    }

    /**
     * Make a thread of a subclass sxs needs (the dispatcher's event threads carry a replay flag).
     *
     * @param name        the name, starting with {@code sxs-}.
     * @param constructor makes the unstarted thread from its name.
     * @param <T>         the thread class.
     * @return the thread, prepared like every other.
     */
    public <T extends Thread> T newThread(final String name, final Function<String, T> constructor)
    {
        return prepare(constructor.apply(checked(name)));
    }

    private <T extends Thread> T prepare(final T thread)
    {
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY);
        thread.setContextClassLoader(contextLoader);
        return thread;
    }

    private static String checked(final String name)
    {
        if (name == null || !name.startsWith(NAME_PREFIX))
        {
            throw new IllegalArgumentException("sxs thread names start with '" + NAME_PREFIX + "': " + name);
        }
        return name;
    }
}
