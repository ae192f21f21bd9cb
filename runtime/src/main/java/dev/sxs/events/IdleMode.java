package dev.sxs.events;

import java.util.Locale;

import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * How a dispatcher worker waits when it has no work: the configuration names ({@code events.idle}) of
 * the idle strategies the dispatcher uses by default. An embedder may hand the dispatcher any Agrona
 * {@link IdleStrategy} instead (see {@link DispatcherStrategies}).
 */
public enum IdleMode
{
    /**
     * Spin up to 20 us after the last work, then park until a publisher wakes the worker; while offers arrive, park
     * 100 us at a time and let offers leave the wake-up to the worker. Default.
     */
    BACKOFF("backoff"),
    /** Spin forever: lowest latency, burns one core per worker. Opt-in, capped at availableProcessors - 2 workers. */
    BUSY_SPIN("busy-spin"),
    /** Park at once until a publisher (offering or not) wakes the worker: no spinning, no short parks. */
    BLOCKING("blocking");

    private final String label;

    IdleMode(final String label)
    {
        this.label = label;
    }

    /**
     * @return a new strategy of this mode for one thread: {@link ParkingIdleStrategy} with a spin of
     *     {@value ParkingIdleStrategy#DEFAULT_SPIN_NANOS} ns and short parks while offers arrive ({@code backoff}) or
     *     neither ({@code blocking}), or Agrona's {@link BusySpinIdleStrategy} ({@code busy-spin}).
     */
    public IdleStrategy newStrategy()
    {
        switch (this)
        {
            case BUSY_SPIN:
                return new BusySpinIdleStrategy();
            case BLOCKING:
                return new ParkingIdleStrategy(0, ParkingIdleStrategy.DEFAULT_MAX_PARK_NANOS);
            default:
                return new ParkingIdleStrategy();
        }
    }

    /** @return the configuration name ({@code backoff}, {@code busy-spin}, {@code blocking}). */
    public String label()
    {
        return label;
    }

    /**
     * @param name a configuration name in any case.
     * @return the mode.
     * @throws IllegalArgumentException when the name names none.
     */
    public static IdleMode parse(final String name)
    {
        final String n = name.trim().toLowerCase(Locale.ROOT);
        for (final IdleMode mode : values())
        {
            if (mode.label.equals(n))
            {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown idle strategy '" + name
            + "' (expected backoff, busy-spin, blocking)");
    }
}
