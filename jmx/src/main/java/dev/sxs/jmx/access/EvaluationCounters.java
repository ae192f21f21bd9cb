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

    /**
     * @param stats an interpreter's counters.
     * @return a view of them.
     */
    static EvaluationCounters of(final dev.sxs.lang.EvaluationStats stats)
    {
        return new EvaluationCounters()
        {
            @Override
            public long evaluations()
            {
                return stats.evaluations();
            }

            @Override
            public long budgetOverruns()
            {
                return stats.budgetOverruns();
            }
        };
    }

    /** @return evaluations started since the runtime started. */
    long evaluations();

    /** @return evaluations stopped by their budget. */
    long budgetOverruns();
}
