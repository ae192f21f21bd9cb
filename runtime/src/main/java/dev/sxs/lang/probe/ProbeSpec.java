package dev.sxs.lang.probe;

import java.util.Objects;

import dev.sxs.events.Channel;

/**
 * What a probe watches and where its events go. Immutable.
 *
 * @param classPattern  a class name ({@code com.shop.OrderService}) or a pattern with {@code *} (any characters).
 * @param methodPattern a method name, or {@code *} for every method the class declares (not constructors).
 * @param channel       the channel of its events (A..F).
 * @param topic         their topic, 0..65535.
 * @param options       what is captured, and the sampling and cap.
 * @param owner         the id of the session that installed it (closing that session removes it); 0 for none.
 * @param scope         the scope its events are published in ("" for the root).
 */
public record ProbeSpec(String classPattern, String methodPattern, Channel channel, int topic, ProbeOptions options,
    long owner, String scope)
{
    /** Checks the parts are present. */
    public ProbeSpec
    {
        Objects.requireNonNull(classPattern, "classPattern");
        Objects.requireNonNull(methodPattern, "methodPattern");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(options, "options");
        scope = scope == null ? "" : scope;
    }

    /**
     * @param classes the class name or pattern.
     * @param methods the method name or pattern.
     * @return true when this probe was installed with exactly these patterns.
     */
    public boolean targets(final String classes, final String methods)
    {
        return classPattern.equals(classes) && methodPattern.equals(methods);
    }
}
