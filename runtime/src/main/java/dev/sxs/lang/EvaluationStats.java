package dev.sxs.lang;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one interpreter's evaluations, for management metrics: runs started (every fresh or
 * reset {@link Budget}) and runs stopped by their budget. Threading: counted from any evaluating
 * thread, read from any thread. Cost: one uncontended {@link LongAdder} increment per run.
 */
public final class EvaluationStats
{
    private final LongAdder evaluations = new LongAdder();
    private final LongAdder overruns = new LongAdder();

    void evaluated()
    {
        evaluations.increment();
    }

    void overrun()
    {
        overruns.increment();
    }

    /** @return evaluations started (scripts, handler bodies, processor scripts). */
    public long evaluations()
    {
        return evaluations.sum();
    }

    /** @return evaluations stopped because they exceeded their step or time budget. */
    public long budgetOverruns()
    {
        return overruns.sum();
    }
}
