package dev.sxs.agent;

/**
 * Management interface of the sxs runtime, registered as {@code dev.sxs:type=Runtime} in the platform
 * MBean server. Host code and tools use it without any sxs class: through the MBean server by name.
 * <p>
 * Every operation runs on an sxs thread (never evaluating on the caller's thread) and never throws:
 * failures come back as printed error values {@code @"..."}.
 */
public interface RuntimeControlMBean
{
    /** @return {@code running} (or {@code stopped} after {@link #stop()}). */
    String getStatus();

    /** @return the sxs version. */
    String getVersion();

    /** @return the data folder, or "" when nothing is persisted. */
    String getDataDir();

    /** @return when sxs started, milliseconds since the epoch. */
    long getStartedAtMillis();

    /** @return a few lines describing the runtime, for {@code sxs status}. */
    String getSummary();

    /**
     * Evaluate a script in the default scope.
     *
     * @param script the source.
     * @return each top-level form's printed value, one per line.
     */
    String eval(String script);

    /**
     * Evaluate a script.
     *
     * @param script the source.
     * @param scope  the scope, "" for root, null for the configured default.
     * @return each top-level form's printed value.
     */
    String[] evalForms(String script, String scope);

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
