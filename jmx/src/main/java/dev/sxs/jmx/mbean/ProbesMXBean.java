package dev.sxs.jmx.mbean;

import javax.management.MBeanOperationInfo;

/**
 * {@code dev.sxs:type=Probes}: the probes on host methods, with their counts; remove one. Registered only by an
 * agent with instrumentation (docs/probes.md).
 */
@Description("Probes on host methods (each call of a probed method publishes one event), with their counts; remove "
    + "one.")
public interface ProbesMXBean
{
    /** @return the number of probes on. */
    @Description("Number of probes on.")
    int getCount();

    /** @return one line per probe. */
    @Description("One line per probe: CLASS METHOD CHANNEL TOPIC methods=N hits=N published=N dropped=N capped=N "
        + "session=ID (hits: calls seen; dropped: events a full channel refused; capped: calls over the per-second "
        + "cap).")
    String[] getProbes();

    /** @return calls seen by every probe. */
    @Description("Calls seen by every probe so far.")
    long getHits();

    /** @return events dropped by every probe. */
    @Description("Events every probe lost to a full channel so far.")
    long getDropped();

    /**
     * @param classPattern  the probe's class name or pattern.
     * @param methodPattern its method name or pattern.
     * @return what happened.
     */
    @Description(value = "Remove the probe of these patterns (exactly as installed): the classes get their original "
        + "code back. Fails when no such probe is on. Audited.", impact = MBeanOperationInfo.ACTION)
    String off(@Param(name = "class", description = "class name or pattern, as installed") String classPattern,
        @Param(name = "method", description = "method name or *, as installed") String methodPattern);
}
