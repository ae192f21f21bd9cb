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
 * {@code sample}, at most {@code cap} a second), {@link #publish} turns an admitted call into its payload and
 * offers it through the gateway, never waiting (a full channel refuses it at once and it is counted as dropped).
 * A call whose channel is already full is dropped before its payload is built ({@link Gateway#rejectIfFull}).
 * <p>
 * Threading: any number of host threads at once; lock-free. Failure: neither method throws, whatever the host's
 * objects do. Allocation: none in {@link #enter}; the payload and its submission in {@link #publish}, none for a
 * call dropped because its channel is full.
 */
public final class ActiveProbe
{
    /** The audited action name of probe events. */
    public static final String ACTION = "probe";
    /** What {@link #enter} gives for a call that is not published (the bridge's own marker). */
    public static final long SKIP = Long.MIN_VALUE;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ProbeSpec spec;
    private final ProbeOptions options;
    private final Gateway gateway;
    private final LongAdder hits = new LongAdder();
    private final LongAdder published = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder capped = new LongAdder();
    private final AtomicLong sampled = new AtomicLong();
    private final AtomicLong window = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong inWindow = new AtomicLong();

    /**
     * @param spec    the probe.
     * @param gateway where its events go in.
     */
    public ActiveProbe(final ProbeSpec spec, final Gateway gateway)
    {
        this.spec = spec;
        this.options = spec.options();
        this.gateway = gateway;
    }

    /** @return the probe. */
    public ProbeSpec spec()
    {
        return spec;
    }

    /**
     * Count a call and decide whether it is published, as {@link #enter} does.
     *
     * @return true when the call should be published; false when it is sampled out or over the cap (counted).
     */
    public boolean admit()
    {
        return enter() != SKIP;
    }

    /**
     * Count a call at its start and decide whether it is published (one in {@code sample}, at most {@code cap} a
     * second). The clock is read at most once: the cap's window and a timed call's start share the reading.
     *
     * @return {@link #SKIP} when the call is sampled out or over the cap (counted); else its start
     *         ({@link System#nanoTime}) when the probe is timed, 0 when not.
     */
    public long enter()
    {
        hits.increment();
        final int sample = options.sample();
        if (sample > 1 && sampled.incrementAndGet() % sample != 0)
        {
            return SKIP;
        }
        final long cap = options.perSecond();
        if (cap == 0)
        {
            return options.time() ? System.nanoTime() : 0;
        }
        final long now = System.nanoTime();
        final long second = now / NANOS_PER_SECOND;
        final long current = window.get();
        if (current != second && window.compareAndSet(current, second))
        {
            inWindow.set(0);
        }
        if (inWindow.incrementAndGet() <= cap)
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
     * Publish an admitted call. Never throws, never waits.
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
            if (gateway.rejectIfFull(spec.channel()))
            {
                // the offer would be refused: the host thread skips describing the call (its arguments' toString)
                dropped.increment();
                return;
            }
            final Object payload = ProbePayload.of(type, method, args, result, thrown, nanos,
                Thread.currentThread().getName(), options);
            final long outcome = gateway.offer(new EventSubmission(spec.channel(), spec.topic(), payload,
                Principal.PROBE, ACTION, spec.scope()), ended);
            (outcome > 0 ? published : dropped).increment();
        }
        catch (final Throwable t)
        {
            dropped.increment();
        }
    }

    /**
     * @param methods methods instrumented so far.
     * @return the listing with the counts now.
     */
    public ProbeInfo info(final int methods)
    {
        return new ProbeInfo(spec, methods, hits.sum(), published.sum(), dropped.sum(), capped.sum());
    }
}
