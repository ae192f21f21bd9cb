package dev.sxs.probe;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.sxs.gateway.EventSubmission;
import dev.sxs.gateway.Gateway;
import dev.sxs.lang.probe.ProbeInfo;
import dev.sxs.lang.probe.ProbeOptions;
import dev.sxs.lang.probe.ProbePayload;
import dev.sxs.lang.probe.ProbeSpec;
import dev.sxs.session.Principal;

/**
 * One installed probe as the host's threads meet it: {@link #enter} says whether a call is published (one in
 * {@code sample}, at most {@code cap} a second), {@link #publish} hands an admitted call to the {@link ProbeDrain}
 * and returns, and {@link #deliver}, on the drain's thread, turns it into its payload and offers it through the
 * gateway, never waiting (a full channel refuses it at once and it is counted as dropped, before its payload is
 * built: {@link Gateway#rejectIfFull}). A probe that captures {@code toString()} builds its payload on the host
 * thread, where the arguments are what the call saw, and looks at the channel's room first.
 * <p>
 * Threading: {@link #enter} and {@link #publish} on any number of host threads at once, lock-free;
 * {@link #deliver} on the drain's thread. Failure: none of them throws, whatever the host's objects do.
 * Allocation: none in {@link #enter}; one {@link ProbeCall} in {@link #publish} (and the payload for a
 * {@code tostring} probe); the payload and its submission in {@link #deliver}.
 */
public final class ActiveProbe
{
    /** The audited action name of probe events. */
    public static final String ACTION = "probe";
    /** What {@link #enter} gives for a call that is not published (the bridge's own marker). */
    public static final long SKIP = Long.MIN_VALUE;

    private final ProbeSpec spec;
    private final ProbeOptions options;
    private final Gateway gateway;
    private final ProbeDrain drain;
    /** Calls refused on the host thread: the drain's queue full, or a full channel seen by a tostring probe. */
    private final LongAdder refused = new LongAdder();
    /** Events the channel accepted, and events refused on the drain's thread: counted by the drain only. */
    private final PaddedCounter published = new PaddedCounter();
    private final PaddedCounter dropped = new PaddedCounter();
    private final LongAdder capped = new LongAdder();
    /** Calls that met the sampling (one in {@code sample} of them is published); untouched without sampling. */
    private final AtomicLong sampled = new AtomicLong();
    /** The per-second cap, or null for none. */
    private final PerSecondCap cap;

    /**
     * @param spec    the probe.
     * @param gateway where its events go in.
     * @param drain   where its host threads leave their calls (started by its owner).
     */
    public ActiveProbe(final ProbeSpec spec, final Gateway gateway, final ProbeDrain drain)
    {
        this.spec = spec;
        this.options = spec.options();
        this.gateway = gateway;
        this.drain = drain;
        this.cap = options.perSecond() == 0 ? null : new PerSecondCap(options.perSecond(), System.nanoTime());
    }

    /** @return the probe. */
    public ProbeSpec spec()
    {
        return spec;
    }

    /**
     * Decide at a call's start whether it is published (one in {@code sample}, at most {@code cap} a second). The
     * clock is read at most once: the cap's window and a timed call's start share the reading. A published call
     * is not counted here but where it ends up (see {@link #info}): an atomic increment on every call cost the host
     * thread about 40 ns.
     *
     * @return {@link #SKIP} when the call is sampled out or over the cap (counted); else its start
     *         ({@link System#nanoTime}) when the probe is timed, 0 when not.
     */
    public long enter()
    {
        final int sample = options.sample();
        if (sample > 1 && sampled.incrementAndGet() % sample != 0)
        {
            return SKIP;
        }
        if (cap == null)
        {
            return options.time() ? System.nanoTime() : 0;
        }
        final long now = System.nanoTime();
        if (cap.tryAcquire(now))
        {
            return options.time() ? now : 0;
        }
        capped.increment();
        return SKIP;
    }

    /**
     * @return true when the probe measures the call's duration.
     */
    public boolean timed()
    {
        return options.time();
    }

    /**
     * Hand an admitted call to the drain, on the host's thread. Never throws, never waits.
     *
     * @param type   the declaring class's name.
     * @param method the method's name.
     * @param args   its arguments.
     * @param result its return value (null for void or when it threw).
     * @param thrown what it threw, or null.
     * @param nanos  its duration.
     * @param ended  when it ended ({@link System#nanoTime}): the event's timestamp, so the host thread reads the
     *               clock once at the call's end.
     */
    public void publish(final String type, final String method, final Object[] args, final Object result,
        final Throwable thrown, final long nanos, final long ended)
    {
        try
        {
            final String thread = Thread.currentThread().getName();
            Object payload = null;
            if (options.describe())
            {
                if (gateway.rejectIfFull(spec.channel()))
                {
                    // the offer would be refused: the host thread skips describing the call (its arguments' toString)
                    refused.increment();
                    return;
                }
                payload = ProbePayload.of(type, method, args, result, thrown, nanos, thread, options);
            }
            if (!drain.offer(new ProbeCall(this, type, method, args, result, thrown, nanos, ended, thread, payload)))
            {
                refused.increment();
            }
        }
        catch (final Throwable t)
        {
            refused.increment();
        }
    }

    /**
     * Turn a call into its event and offer it, on the drain's thread. Never throws, never waits.
     *
     * @param call a call {@link #publish} handed over.
     */
    void deliver(final ProbeCall call)
    {
        try
        {
            Object payload = call.payload();
            if (payload == null)
            {
                if (gateway.rejectIfFull(spec.channel()))
                {
                    dropped.increment();
                    return;
                }
                payload = ProbePayload.of(call.type(), call.method(), call.args(), call.result(), call.thrown(),
                    call.nanos(), call.thread(), options);
            }
            final long outcome = gateway.offer(new EventSubmission(spec.channel(), spec.topic(), payload,
                Principal.PROBE, ACTION, spec.scope()), call.ended());
            if (outcome > 0)
            {
                published.increment();
            }
            else
            {
                dropped.increment();
            }
        }
        catch (final Throwable t)
        {
            dropped.increment();
        }
    }

    /**
     * The counts now. A call is counted once its fate is known: sampled out, held by the cap, refused on the host
     * thread, or turned into an event (published or dropped) by the drain; a call still in the drain's queue is
     * not counted yet, so HITS = PUBLISHED + DROPPED + CAPPED + the calls sampled out.
     *
     * @param methods methods instrumented so far.
     * @return the listing with the counts now.
     */
    public ProbeInfo info(final int methods)
    {
        final long accepted = published.get();
        final long refusedOrDropped = refused.sum() + dropped.get();
        final long held = capped.sum();
        final int sample = options.sample();
        final long seen = sampled.get();
        final long sampledOut = sample > 1 ? seen - seen / sample : 0;
        return new ProbeInfo(spec, methods, sampledOut + held + accepted + refusedOrDropped, accepted, refusedOrDropped,
            held);
    }
}
