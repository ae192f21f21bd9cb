package dev.sxs.gateway;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sxs.lang.Budget;

/**
 * What became of one submitted script, for a caller that gave up waiting and must say whether it ran: not run
 * (cancelled while queued: it never starts), stopped after N forms (cancelled while running: it stops at its
 * next step or await), finished, or failed after N forms. The caller {@link #cancel}s it and then
 * {@link #awaitSettled waits briefly} for the processor's answer.
 * <p>
 * Threading: {@link #cancel}, {@link #awaitSettled} and {@link #describe} from any thread; {@link #start} and
 * {@link #finished} from the processor running the script. Allocation: one latch per script.
 */
public final class ScriptProgress
{
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int NOT_RUN = 2;
    private static final int ENDED = 3;

    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile Budget budget;
    private volatile String cancelled;
    private volatile String outcome = "queued";

    /**
     * The processor is about to run the script (the caller of this method runs it only on true).
     *
     * @param runBudget the budget it runs under, cancelled if the caller gives up from now on.
     * @return false when the caller cancelled it while it was queued: it must not run.
     */
    public boolean start(final Budget runBudget)
    {
        this.budget = runBudget;
        if (!state.compareAndSet(QUEUED, RUNNING))
        {
            return false;
        }
        outcome = "running";
        final String why = cancelled;
        if (why != null)
        {
            runBudget.cancel(why);
        }
        return true;
    }

    /**
     * The script ended.
     *
     * @param formsRun the top-level forms it completed before it stopped, was cancelled or failed.
     * @param forms    its top-level forms, or -1 when unknown (it failed).
     * @param failure  what the processor caught, or null.
     */
    public void finished(final int formsRun, final int forms, final String failure)
    {
        final Budget b = budget;
        if (failure != null)
        {
            outcome = "failed after " + formsRun + " forms: " + failure;
        }
        else if (b != null && b.isCancelled() && formsRun < forms)
        {
            outcome = "stopped after " + formsRun + " of " + forms + " forms";
        }
        else
        {
            outcome = "finished (" + forms + (forms == 1 ? " form)" : " forms)");
        }
        state.set(ENDED);
        settled.countDown();
    }

    /**
     * Cancel the script: a queued one never runs (settled at once as not run); a running one stops at its next
     * step or await. Idempotent; any thread.
     *
     * @param why what cancelled it, e.g. {@code the caller gave up}.
     */
    public void cancel(final String why)
    {
        cancelled = why;
        if (state.compareAndSet(QUEUED, NOT_RUN))
        {
            outcome = "was not run";
            settled.countDown();
            return;
        }
        final Budget b = budget;
        if (b != null)
        {
            b.cancel(why);
        }
    }

    /** @return true when a caller cancelled the script while it was queued: it never runs. */
    public boolean wasNotRun()
    {
        return state.get() == NOT_RUN;
    }

    /**
     * @param millis how long to wait for the script to end or be dropped.
     * @return true when it has settled ({@link #describe} then tells how).
     */
    public boolean awaitSettled(final long millis)
    {
        try
        {
            return settled.await(millis, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return settled.getCount() == 0;
        }
    }

    /**
     * @return {@code was not run}, {@code stopped after N of M forms}, {@code finished (M forms)},
     *     {@code failed after N forms: ...}, or, before it settled, {@code queued} or {@code running}.
     */
    public String describe()
    {
        return outcome;
    }
}
