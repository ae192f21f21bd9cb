package dev.sxs.bridge;

import java.lang.invoke.MethodHandle;

/**
 * The bootstrap-visible bridge between probe advice inlined into host methods and sxs. The agent defines this
 * class in the bootstrap class loader (once per JVM: it stays after {@code stop}, holding nothing) and plugs
 * two method handles into it: the gate (is this call published?) and the sink (publish it). Only JDK types
 * appear here, so nothing of sxs or of its dependencies is visible to the host; {@link #disconnect} drops both
 * handles so nothing of sxs stays reachable from it.
 * <p>
 * Threading: any host thread. Failure: {@link #enter} and {@link #exit} catch every {@code Throwable}; they
 * never throw into the host. Allocation: none here.
 */
public final class ProbeBridge
{
    /** What {@link #enter} gives for a call that is not published. */
    public static final long SKIP = Long.MIN_VALUE;

    private static volatile MethodHandle gate;
    private static volatile MethodHandle sink;

    private ProbeBridge()
    {
    }

    /**
     * Plug sxs in.
     *
     * @param newGate {@code (int probe) long}: the call's start (nanoTime, or 0 when untimed), or {@link #SKIP}.
     * @param newSink {@code (int probe, String type, String method, Object[] args, Object result,
     *                Throwable thrown, long start) void}.
     */
    public static void connect(final MethodHandle newGate, final MethodHandle newSink)
    {
        sink = newSink;
        gate = newGate;
    }

    /** Unplug sxs: from now on every call is skipped and nothing of sxs is reachable from here. */
    public static void disconnect()
    {
        gate = null;
        sink = null;
    }

    /**
     * Called by the advice when a probed method starts.
     *
     * @param probe the probe's id.
     * @return the start marker to hand to {@link #exit}, or {@link #SKIP}.
     */
    public static long enter(final int probe)
    {
        final MethodHandle g = gate;
        if (g == null)
        {
            return SKIP;
        }
        try
        {
            return (long)g.invokeExact(probe);
        }
        catch (final Throwable t)
        {
            return SKIP;
        }
    }

    /**
     * Called by the advice when a probed method ends, if {@link #enter} did not skip it.
     *
     * @param probe  the probe's id.
     * @param type   the declaring class's name.
     * @param method the method's name.
     * @param args   its arguments.
     * @param result its return value (null for void, or when it threw).
     * @param thrown what it threw, or null.
     * @param start  what {@link #enter} gave.
     */
    public static void exit(final int probe, final String type, final String method, final Object[] args,
        final Object result, final Throwable thrown, final long start)
    {
        final MethodHandle s = sink;
        if (s == null)
        {
            return;
        }
        try
        {
            s.invokeExact(probe, type, method, args, result, thrown, start);
        }
        catch (final Throwable t)
        {
            // never into the host
        }
    }
}
