package dev.sxs.probe;

/**
 * One published call of a probed method, as its host thread hands it to the {@link ProbeDrain}: the raw parts
 * of the call, or, for a probe that captures {@code toString()}, the payload already built (a host object's
 * {@code toString()} must be read when the call ends, its other parts do not change: strings and boxed values
 * are immutable, and a class name and identity hash stay what they were).
 * <p>
 * Threading: made on a host thread, read once on the drain's thread (the queue hands it over safely).
 * Allocation: this object only; it holds the call's objects until the drain has turned them into an event.
 *
 * @param probe   the probe.
 * @param type    the declaring class's name.
 * @param method  the method's name.
 * @param args    its arguments (the advice's own array, not copied).
 * @param result  its return value (null for void or when it threw).
 * @param thrown  what it threw, or null.
 * @param nanos   its duration.
 * @param ended   when it ended ({@link System#nanoTime}): the event's time.
 * @param thread  the calling thread's name.
 * @param payload the payload built on the host thread, or null to build it on the drain's thread.
 */
record ProbeCall(ActiveProbe probe, String type, String method, Object[] args, Object result, Throwable thrown,
    long nanos, long ended, String thread, Object payload)
{
}
