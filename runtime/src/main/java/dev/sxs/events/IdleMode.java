package dev.sxs.events;

import java.util.Locale;

/**
 * How a dispatcher worker waits when it has no work.
 */
public enum IdleMode
{
    /** Spin briefly, then park until a publisher wakes the worker: near-zero idle CPU, microsecond wake-up. The
     * default. */
    BACKOFF("backoff"),
    /** Spin forever: lowest latency, burns one core per worker. Opt-in, capped at availableProcessors - 2 workers. */
    BUSY_SPIN("busy-spin"),
    /** Park at once until a publisher wakes the worker: no spinning at all. */
    BLOCKING("blocking");

    private final String label;

    IdleMode(final String label)
    {
        this.label = label;
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
