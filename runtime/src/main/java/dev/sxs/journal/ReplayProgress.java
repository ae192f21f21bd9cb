package dev.sxs.journal;

/**
 * Progress of one replay, updated by the replaying thread and readable from any thread (JMX polls it).
 * Counters are monotonic; {@link #state()} ends in DONE, CANCELLED or FAILED. {@link #cancel()} asks the
 * replay to stop after the record in hand.
 */
public final class ReplayProgress
{
    /**
     * Where a replay is.
     */
    public enum State
    {
        /** Created, not started. */
        PENDING,
        /** Reading records. */
        RUNNING,
        /** Reached the end of its range. */
        DONE,
        /** Stopped by {@link #cancel()}. */
        CANCELLED,
        /** Stopped by an error; see {@link #error()}. */
        FAILED
    }

    private volatile State state = State.PENDING;
    private volatile long total;
    private volatile long read;
    private volatile long delivered;
    private volatile long lastIndex = Journal.NO_INDEX;
    private volatile long startedNanos;
    private volatile long finishedNanos;
    private volatile String error = "";
    private volatile boolean cancelRequested;

    /** @return the state. */
    public State state()
    {
        return state;
    }

    /** @return records in the replayed range (an estimate when the range starts at a time). */
    public long total()
    {
        return total;
    }

    /** @return records read so far, delivered or filtered out. */
    public long read()
    {
        return read;
    }

    /** @return records handed to the sink so far. */
    public long delivered()
    {
        return delivered;
    }

    /** @return index of the last record read, or {@link Journal#NO_INDEX}. */
    public long lastIndex()
    {
        return lastIndex;
    }

    /** @return the error message of a FAILED replay, "" otherwise. */
    public String error()
    {
        return error;
    }

    /** @return true once the replay has stopped (DONE, CANCELLED or FAILED). */
    public boolean isFinished()
    {
        final State s = state;
        return s == State.DONE || s == State.CANCELLED || s == State.FAILED;
    }

    /** @return read / total between 0 and 1 (1 when finished or the range is empty). */
    public double fraction()
    {
        final long t = total;
        if (isFinished() || t <= 0)
        {
            return isFinished() ? 1.0 : 0.0;
        }
        return Math.min(1.0, (double)read / t);
    }

    /** @return nanoseconds the replay has run (so far, or in all once finished). */
    public long elapsedNanos()
    {
        final long start = startedNanos;
        if (start == 0)
        {
            return 0;
        }
        final long end = finishedNanos;
        return (end == 0 ? System.nanoTime() : end) - start;
    }

    /** Ask the replay to stop after the record in hand. Any thread. */
    public void cancel()
    {
        cancelRequested = true;
    }

    boolean cancelRequested()
    {
        return cancelRequested;
    }

    void start(final long totalRecords)
    {
        total = totalRecords;
        startedNanos = System.nanoTime();
        state = State.RUNNING;
    }

    void recordRead(final long index)
    {
        lastIndex = index;
        read++;
    }

    void recordDelivered()
    {
        delivered++;
    }

    void finish(final State end, final String message)
    {
        finishedNanos = System.nanoTime();
        error = message;
        state = end;
    }

    @Override
    public String toString()
    {
        return state + " read " + read + "/" + total + ", delivered " + delivered
            + (error.isEmpty() ? "" : ", error: " + error);
    }
}
