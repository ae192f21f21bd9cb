package dev.sxs.jmx.remote;

import javax.security.auth.Subject;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Subject} of the current remote JMX call, on every supported JDK: {@code Subject.current()}
 * where it exists (JDK 18+, required from JDK 24 where {@code getSubject} no longer works), else
 * {@code Subject.getSubject(AccessController.getContext())} (JDK 17). Thread-safe, stateless.
 */
public final class CurrentSubject
{
    private static final Method CURRENT = findCurrent();
    private static final ThreadLocal<String> CALLER = new ThreadLocal<>();

    private CurrentSubject()
    {
    }

    /**
     * @return the subject of the calling thread's JMX request, or null for a local call.
     */
    @SuppressWarnings({"removal", "deprecation"})
    public static Subject get()
    {
        if (CURRENT != null)
        {
            try
            {
                return (Subject)CURRENT.invoke(null);
            }
            catch (final ReflectiveOperationException ex)
            {
                return null;
            }
        }
        return Subject.getSubject(java.security.AccessController.getContext());
    }

    /**
     * @param subject a subject, may be null.
     * @return the names of its principals; empty for null.
     */
    public static List<String> principalNames(final Subject subject)
    {
        final List<String> names = new ArrayList<>();
        if (subject != null)
        {
            for (final Principal p : subject.getPrincipals())
            {
                names.add(p.getName());
            }
        }
        return names;
    }

    /**
     * @return who is calling: the caller handed over by {@link #callAs} on this thread, else the
     * principal names of the current subject, or {@code local}.
     */
    public static String who()
    {
        final String caller = CALLER.get();
        if (caller != null)
        {
            return caller;
        }
        final List<String> names = principalNames(get());
        return names.isEmpty() ? "local" : String.join(",", names);
    }

    /**
     * Run work handed over from a JMX request thread to another thread as the original caller, so
     * {@link #who()} names the caller there (a subject does not follow work onto a pool thread, and a
     * pool thread may have inherited the context of whoever caused its creation).
     *
     * @param who  the caller, from {@link #who()} on the request thread.
     * @param work the work.
     * @param <T>  its result type.
     * @return its result.
     * @throws Exception what the work threw.
     */
    public static <T> T callAs(final String who, final java.util.concurrent.Callable<T> work) throws Exception
    {
        final String previous = CALLER.get();
        CALLER.set(who);
        try
        {
            return work.call();
        }
        finally
        {
            if (previous == null)
            {
                CALLER.remove();
            }
            else
            {
                CALLER.set(previous);
            }
        }
    }

    private static Method findCurrent()
    {
        try
        {
            return Subject.class.getMethod("current");
        }
        catch (final NoSuchMethodException ex)
        {
            return null;
        }
    }
}
