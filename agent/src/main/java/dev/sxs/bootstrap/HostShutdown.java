package dev.sxs.bootstrap;

/**
 * Whether the host JVM has begun to shut down. sxs's deferred start ends once the host has been quiet for a
 * while, and a host that exits and then spends that long in its own shutdown hooks (closing pools, flushing
 * logs) is quiet too: starting then would open the store in a dying JVM and fail on the first shutdown hook sxs
 * registers, printing an error into the host's log for nothing. The bootstrap asks this before it starts sxs, and
 * keeps quiet about a start that failed because the JVM was shutting down meanwhile.
 * <p>
 * The JDK has no public "shutting down" flag; registering a shutdown hook is refused with an
 * {@link IllegalStateException} exactly then, so that is the question asked. The probe thread is never started.
 * <p>
 * Threading: any thread. Allocation: one unstarted {@link Thread} per call; called once or twice per start.
 */
public final class HostShutdown
{
    private HostShutdown()
    {
    }

    /** @return true when the JVM's shutdown has begun (shutdown hooks are running or have run). */
    public static boolean inProgress()
    {
        final Thread probe = new Thread(() ->
        {
        }, "sxs-shutdown-probe");
        try
        {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        }
        catch (final IllegalStateException ex)
        {
            return true;
        }
    }
}
