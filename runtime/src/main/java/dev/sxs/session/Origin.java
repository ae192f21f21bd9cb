package dev.sxs.session;

/**
 * The way a submission came into sxs. Management ways in (the CLI and JMX) are audited; the others are
 * the host's own code ({@link #API}), the configured boot script ({@link #BOOT}) and re-published
 * journal records ({@link #REPLAY}), durable tasks ({@link #TASK}) and a cluster's queued scripts
 * ({@link #QUEUE}), whose starting action is audited instead (a JMX replay is), and the events of probes on
 * host methods ({@link #PROBE}, whose installation was audited as a script).
 */
public enum Origin
{
    /** The {@code sxs} command line (over JMX, identified by the client it declares). */
    CLI(true),
    /** A JMX client calling the sxs MBeans. */
    JMX(true),
    /** The boot script run at start. */
    BOOT(false),
    /** A journal replay re-publishing records. */
    REPLAY(false),
    /** Java code calling {@link dev.sxs.runtime.SxsRuntime} directly. */
    API(false),
    /** A probe on a host method: one event per call, published on the host's thread. */
    PROBE(false),
    /** A durable task's step or wake-up, run for the principal that spawned the task. */
    TASK(false),
    /** A script queued on a cluster's execution channel ({@code core/exec/queue}), run as its entity. */
    QUEUE(false);

    private final boolean audited;

    Origin(final boolean audited)
    {
        this.audited = audited;
    }

    /** @return true when the gateway writes an audit record for each submission of this origin. */
    public boolean audited()
    {
        return audited;
    }

    /** @return the lower-case name, e.g. {@code cli}. */
    public String label()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
