package dev.sxs.events;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.sxs.log.SxsWarnings;

/**
 * The causal depth bound of a dispatcher: refuses a publication deeper than {@code maxDepth}, counts it
 * on its channel ({@code tooDeep}) and logs the first refusal of each origin (scope) only, so that a storm
 * gives one log line per scope, not one per event. After {@value #MAX_ORIGINS_LOGGED} distinct origins,
 * refusals are counted but no longer logged.
 * <p>
 * Threading: safe from any thread. Allocation: none for a publication within the bound; a refusal from
 * an origin not seen before adds it to a set (bounded).
 */
final class DepthLimit
{
    /** Distinct origins whose first refusal is logged. */
    static final int MAX_ORIGINS_LOGGED = 1024;

    private final int maxDepth;
    private final Set<String> loggedOrigins = ConcurrentHashMap.newKeySet();

    DepthLimit(final int maxDepth)
    {
        this.maxDepth = maxDepth;
    }

    /**
     * @param depth a publication's causal depth.
     * @return true when it is within the bound.
     */
    boolean allows(final int depth)
    {
        return depth <= maxDepth;
    }

    /**
     * Count (and for a new origin, log) a refused publication.
     *
     * @param state  the channel.
     * @param depth  the refused publication's depth.
     * @param origin the publisher's scope, not null.
     * @return {@link Publication#TOO_DEEP}.
     */
    long refuse(final ChannelState state, final int depth, final String origin)
    {
        state.tooDeep.increment();
        if (loggedOrigins.size() < MAX_ORIGINS_LOGGED && loggedOrigins.add(origin))
        {
            SxsWarnings.warn("events: refused a publication on channel "
                + state.channel.label() + " at causal depth " + depth + " (" + DispatcherOptions.MAX_DEPTH_SETTING
                + " " + maxDepth + ") from scope '" + origin + "': a handler chain publishes what it handles; "
                + "further refusals from this scope are counted (tooDeep), not logged");
        }
        return Publication.TOO_DEEP;
    }
}
