package dev.sxs.events;

/**
 * A daemon thread of sxs that runs handlers or scripts, carrying the replay flag (while it handles a
 * replayed event, its publications are suppressed and counted instead of queued) and the causal depth
 * its publications get (one more than the event whose handler it runs; 0 when it runs none).
 * <p>
 * Threading: the flag and the depth are read and written only by the thread itself. Allocation: none.
 */
public class EventThread extends Thread
{
    private boolean replaying;
    private int publishDepth;
    private volatile boolean blockedInAwait;
    private volatile Runnable onBlocking;
    /** The dispatch loop this thread runs, or null (processors, other sxs threads). */
    DispatchAgent agent;

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

    /** @return the causal depth of what this thread publishes now: 0 outside any handler. */
    public final int publishDepth()
    {
        return publishDepth;
    }

    /**
     * Set by whatever runs a handler or a script for an event: a dispatch thread sets one more than the
     * event's depth around its handlers; a script processor sets the depth of the execution-channel event
     * that carried the script (scripts sent by a handler stay in the chain); both set 0 afterwards.
     *
     * @param depth the causal depth of this thread's publications from now, &gt;= 0.
     */
    public final void setPublishDepth(final int depth)
    {
        this.publishDepth = depth;
    }

    /**
     * @return true while this thread waits in an await ({@code core/expr/await}, {@code Dispatcher.awaitNext});
     *     readable from any thread.
     */
    public final boolean isBlockedInAwait()
    {
        return blockedInAwait;
    }

    /**
     * @param action run on this thread each time it is about to block in an await (after it listens and
     *               ran the await's body); null for none. Must not block.
     */
    public final void onBlocking(final Runnable action)
    {
        this.onBlocking = action;
    }

    void enterAwait()
    {
        blockedInAwait = true;
        final Runnable action = onBlocking;
        if (action != null)
        {
            action.run();
        }
    }

    void leaveAwait()
    {
        blockedInAwait = false;
    }

    /**
     * Called by a thread about to block in an await: a dispatch thread hands its partition to a
     * compensating thread first, then {@link #onBlocking} actions run.
     *
     * @return false when the caller must not block: it is a dispatch thread in a handler that owns its
     *     partition and no compensating thread may be started (the cap is reached); nothing was marked.
     */
    static boolean beforeBlocking()
    {
        if (Thread.currentThread() instanceof EventThread t)
        {
            if (t.agent != null && !t.agent.compensate())
            {
                return false;
            }
            t.enterAwait();
        }
        return true;
    }

    /** Called by a thread whose await ended (event, timeout or close). */
    static void afterBlocking()
    {
        if (Thread.currentThread() instanceof EventThread t)
        {
            t.leaveAwait();
        }
    }

    /**
     * @return true when the calling thread is an {@link EventThread} handling a replayed event.
     */
    public static boolean currentIsReplaying()
    {
        return Thread.currentThread() instanceof EventThread t && t.replaying;
    }

    /**
     * @return the causal depth a publication made now by the calling thread gets: the thread's
     *     {@link #publishDepth()} on an {@link EventThread}, 0 on any other thread (host, JMX, tests).
     */
    public static int currentPublishDepth()
    {
        return Thread.currentThread() instanceof EventThread t ? t.publishDepth : 0;
    }
}
