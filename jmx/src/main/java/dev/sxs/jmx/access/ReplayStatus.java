package dev.sxs.jmx.access;

/**
 * Progress of a replay, read while it runs. Threading: any thread; values are individually current.
 */
public interface ReplayStatus
{
    /** @return RUNNING, DONE, FAILED or CANCELLED (or another state name of the journal). */
    String state();

    /** @return records the replay will read, when known, else -1. */
    long total();

    /** @return records read so far. */
    long read();

    /** @return records re-published so far. */
    long delivered();

    /** @return the failure message, "" when none. */
    String error();

    /**
     * Run something once the replay has ended (at once when it has); on the replay's thread or the caller's.
     * By default never (a status that cannot tell).
     *
     * @param then what to run; must be quick.
     */
    default void whenEnded(final Runnable then)
    {
    }

    /** No replay has run yet. */
    ReplayStatus NONE = new ReplayStatus()
    {
        @Override
        public String state()
        {
            return "NONE";
        }

        @Override
        public long total()
        {
            return 0;
        }

        @Override
        public long read()
        {
            return 0;
        }

        @Override
        public long delivered()
        {
            return 0;
        }

        @Override
        public String error()
        {
            return "";
        }
    };
}
