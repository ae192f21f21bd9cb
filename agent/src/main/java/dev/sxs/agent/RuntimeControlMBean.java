package dev.sxs.agent;

/**
 * Management interface of the sxs runtime, registered as {@code dev.sxs:type=Runtime} in the platform
 * MBean server. Host code and tools use it without any sxs class: through the MBean server by name.
 * Its attributes and operations are a subset of the management module's full Runtime MBean (plus
 * {@link #publish}), so tools written against it keep working when that one is registered instead.
 * <p>
 * Every operation runs on an sxs thread (never evaluating on the caller's thread) and never throws:
 * failures come back as printed error values {@code @"..."}. Printed values never contain a line
 * break (strings escape it), so results joined by {@code \n} split back unambiguously.
 */
public interface RuntimeControlMBean
{
    /** @return {@code running} (or {@code stopped} after {@link #stop()}). */
    String getStatus();

    /** @return the sxs version. */
    String getVersion();

    /** @return milliseconds since sxs started. */
    long getUptime();

    /** @return the data folder, or "" when nothing is persisted. */
    String getDataFolder();

    /**
     * Evaluate a script in the default scope.
     *
     * @param script the source.
     * @return each top-level form's printed value, one per line.
     */
    String eval(String script);

    /**
     * Evaluate a script in a scope.
     *
     * @param scope  the scope (hidden key prefix), "" for root.
     * @param script the source.
     * @return each top-level form's printed value, one per line.
     */
    String evalIn(String scope, String script);

    /**
     * Publish an event.
     *
     * @param channel the channel ({@code A}..{@code F}).
     * @param topic   the topic, 0..65535.
     * @param payload the payload as sxs text of one value (e.g. {@code (order 42 19.99)} or
     *                {@code "text"}).
     * @return {@code true} when accepted, else a printed error value.
     */
    String publish(String channel, int topic, String payload);

    /**
     * Unload sxs from this JVM: drain, close files, unregister MBeans, stop threads, drop the class
     * loader. A later attach starts it again.
     *
     * @return {@code stopped}.
     */
    String stop();
}
