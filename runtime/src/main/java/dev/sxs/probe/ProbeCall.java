package dev.sxs.probe;

/**
 * One published call of a probed method, as its host thread hands it to the {@link ProbeDrain}: the raw parts
 * of the call, or, for a probe that captures {@code toString()}, the payload already built (a host object's
 * {@code toString()} must be read when the call ends, its other parts do not change: strings and boxed values
 * are immutable, and a class name and identity hash stay what they were).
 * <p>
 * Threading: made on a host thread, read once on the drain's thread (the queue hands it over safely).
 * Allocation: this object only; it holds the call's objects until the drain has turned them into an event.
 */
final class ProbeCall
{
    final ActiveProbe probe;
    final String type;
    final String method;
    final Object[] args;
    final Object result;
    final Throwable thrown;
    final long nanos;
    final long ended;
    final String thread;
    final Object payload;

    /**
     * @param probe   the probe.
     * @param type    the declaring class's name.
     * @param method  the method's name.
     * @param args    its arguments.
     * @param result  its return value (null for void or when it threw).
     * @param thrown  what it threw, or null.
     * @param nanos   its duration.
     * @param ended   when it ended ({@link System#nanoTime}): the event's time.
     * @param thread  the calling thread's name.
     * @param payload the payload built on the host thread, or null to build it on the drain's thread.
     */
    ProbeCall(final ActiveProbe probe, final String type, final String method, final Object[] args,
        final Object result, final Throwable thrown, final long nanos, final long ended, final String thread,
        final Object payload)
    {
        this.probe = probe;
        this.type = type;
        this.method = method;
        this.args = args;
        this.result = result;
        this.thrown = thrown;
        this.nanos = nanos;
        this.ended = ended;
        this.thread = thread;
        this.payload = payload;
    }
}
