package dev.sxs.bridge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * The bootstrap-visible bridge between probe advice inlined into host methods and sxs. The agent defines this
 * class in the bootstrap class loader (once per JVM: it stays after {@code stop}, holding nothing) and plugs
 * two method handles into it: the gate (is this call published?) and the sink (publish it). Only JDK types
 * appear here, so nothing of sxs or of its dependencies is visible to the host; {@link #disconnect} puts back
 * handles of the JDK's own, so nothing of sxs stays reachable from it.
 * <p>
 * Why call sites: each handle is the target of a {@link MutableCallSite} whose invoker sits in a {@code static
 * final} field, so the JIT treats the handle as a constant and inlines sxs's gate and sink into the probed host
 * method, as if the advice called them directly; {@link #connect} and {@link #disconnect} change the targets,
 * which throws away the host's compiled code that inlined the old ones (the JVM's call-site dependencies).
 * Through handles read from volatile fields, as before, each call went through two non-inlined method-handle
 * invocations.
 * <p>
 * Threading: {@link #enter} and {@link #exit} on any host thread; {@link #connect} and {@link #disconnect} from
 * sxs's managing thread (a change is published to every thread before they return). Failure: {@link #enter} and
 * {@link #exit} catch every {@code Throwable}; they never throw into the host. Allocation: none here.
 */
public final class ProbeBridge
{
    /** What {@link #enter} gives for a call that is not published. */
    public static final long SKIP = Long.MIN_VALUE;

    /** The gate's type: {@code (int probe) long}. */
    private static final MethodType GATE_TYPE = MethodType.methodType(long.class, int.class);
    /** The sink's type: {@code (int probe, String type, String method, Object[] args, Object result,
     * Throwable thrown, long start) void}. */
    private static final MethodType SINK_TYPE = MethodType.methodType(void.class, int.class, String.class,
        String.class, Object[].class, Object.class, Throwable.class, long.class);
    private static final MethodHandle SKIP_ALL = MethodHandles.dropArguments(
        MethodHandles.constant(long.class, SKIP), 0, int.class);
    private static final MethodHandle IGNORE_ALL = MethodHandles.empty(SINK_TYPE);
    private static final MutableCallSite GATE = new MutableCallSite(SKIP_ALL);
    private static final MutableCallSite SINK = new MutableCallSite(IGNORE_ALL);
    private static final MethodHandle GATE_INVOKER = GATE.dynamicInvoker();
    private static final MethodHandle SINK_INVOKER = SINK.dynamicInvoker();
    /** Not the class's own monitor: the class is public to the host, which could hold that one. */
    private static final Object LOCK = new Object();

    private ProbeBridge()
    {
    }

    /**
     * Plug sxs in.
     *
     * @param newGate {@code (int probe) long}: the call's start (nanoTime, or 0 when untimed), or {@link #SKIP}.
     * @param newSink {@code (int probe, String type, String method, Object[] args, Object result,
     *                Throwable thrown, long start) void}.
     * @throws java.lang.invoke.WrongMethodTypeException when a handle cannot take its type (nothing changes).
     */
    public static void connect(final MethodHandle newGate, final MethodHandle newSink)
    {
        final MethodHandle gate = newGate.asType(GATE_TYPE);
        final MethodHandle sink = newSink.asType(SINK_TYPE);
        synchronized (LOCK)
        {
            SINK.setTarget(sink);
            GATE.setTarget(gate);
            MutableCallSite.syncAll(new MutableCallSite[] {SINK, GATE});
        }
    }

    /** Unplug sxs: from now on every call is skipped and nothing of sxs is reachable from here. */
    public static void disconnect()
    {
        synchronized (LOCK)
        {
            GATE.setTarget(SKIP_ALL);
            SINK.setTarget(IGNORE_ALL);
            MutableCallSite.syncAll(new MutableCallSite[] {GATE, SINK});
        }
    }

    /**
     * Called by the advice when a probed method starts.
     *
     * @param probe the probe's id.
     * @return the start marker to hand to {@link #exit}, or {@link #SKIP}.
     */
    public static long enter(final int probe)
    {
        try
        {
            return (long)GATE_INVOKER.invokeExact(probe);
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
        try
        {
            SINK_INVOKER.invokeExact(probe, type, method, args, result, thrown, start);
        }
        catch (final Throwable t)
        {
            // never into the host
        }
    }
}
