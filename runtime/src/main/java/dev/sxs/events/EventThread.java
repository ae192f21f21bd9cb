package dev.sxs.events;

/**
 * A daemon thread of sxs that runs handlers or scripts, carrying the replay flag: while it handles a
 * replayed event, its publications are suppressed (and counted) instead of queued.
 * <p>
 * Threading: the flag is read and written only by the thread itself.
 */
public class EventThread extends Thread
{
    private boolean replaying;
    DispatchWorker worker;

    /**
     * @param task the body.
     * @param name the thread name, {@code sxs-...}.
     */
    public EventThread(final Runnable task, final String name)
    {
        super(task, name);
        setDaemon(true);
    }

    /** @return true while this thread handles a replayed event. */
    public final boolean isReplaying()
    {
        return replaying;
    }

    /**
     * @param replaying whether the event being handled now is a replayed one.
     */
    public final void setReplaying(final boolean replaying)
    {
        this.replaying = replaying;
    }

    /**
     * @return true when the calling thread is an {@link EventThread} handling a replayed event.
     */
    public static boolean currentIsReplaying()
    {
        return Thread.currentThread() instanceof EventThread t && t.replaying;
    }
}
