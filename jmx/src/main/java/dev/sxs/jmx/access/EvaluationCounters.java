package dev.sxs.jmx.access;

/**
 * Counters of script evaluations, for metrics. Threading: any thread; plain reads.
 */
public interface EvaluationCounters
{
    /** Counts nothing. */
    EvaluationCounters NONE = new EvaluationCounters()
    {
        @Override
        public long evaluations()
        {
            return 0;
        }

        @Override
        public long budgetOverruns()
        {
            return 0;
        }
    };

    /** @return evaluations started since the runtime started. */
    long evaluations();

    /** @return evaluations stopped by their budget. */
    long budgetOverruns();
}
