package dev.sxs.jmx.mbean;

import javax.management.MBeanOperationInfo;
import javax.management.openmbean.CompositeData;

/**
 * {@code dev.sxs:type=Runtime}: the runtime as a whole.
 */
@Description("The sxs runtime: version, uptime, data folder, configuration; evaluate scripts; stop sxs.")
public interface RuntimeMXBean
{
    /** What every sxs-syntax payload parameter says. */
    String PAYLOAD = "payload in sxs syntax, exactly one form: 42, \"text\" (quoted), (a b); hello alone is a symbol";

    /** @return the status. */
    @Description("running, or stopped once sxs is stopping.")
    String getStatus();

    /** @return the version. */
    @Description("sxs version.")
    String getVersion();

    /** @return uptime in milliseconds. */
    @Description("Milliseconds since the runtime started.")
    long getUptime();

    /** @return the data folder. */
    @Description("Folder of the persisted store and journal; empty when sxs keeps everything in memory.")
    String getDataFolder();

    /** @return the configuration. */
    @Description("Effective configuration at a glance: one item per setting, named by its key (kv.entries, "
        + "jmx.port, ...), its value as text; each item's description says what the setting does.")
    CompositeData getConfiguration();

    /**
     * @param script the script.
     * @return printed results.
     */
    @Description(value = "Evaluate a script in the default scope; returns the printed value of each "
        + "top-level form, one per line. The script's own errors are its results (a read error or budget overrun "
        + "is an error value @\"...\", as at the REPL); the call itself fails only when it cannot run the "
        + "script (no script, busy, no answer in time). Audited.",
        impact = MBeanOperationInfo.ACTION)
    String eval(@Param(name = "script", description = "sxs script text, one or more forms") String script);

    /**
     * @param scope  the scope.
     * @param script the script.
     * @return printed results.
     */
    @Description(value = "Evaluate a script in a scope (hidden key prefix); returns the printed value of "
        + "each top-level form, one per line. Audited.", impact = MBeanOperationInfo.ACTION)
    String evalIn(
        @Param(name = "scope", description = "scope, e.g. task:001: (empty for the root scope)") String scope,
        @Param(name = "script", description = "sxs script text, one or more forms") String script);

    /**
     * @param session the session name.
     * @param replace whether to close the named session first.
     * @param scope   the scope.
     * @param script  the script.
     * @param client  who calls.
     * @return printed results.
     */
    @Description(value = "Evaluate a script in a named session: evals naming the same session share it (a later one "
        + "can unsub what an earlier one subscribed) and run in order on one processor; replace closes the session "
        + "first (its handlers go), so a setup script can run twice. Returns the printed value of each top-level "
        + "form, one per line. Audited.", impact = MBeanOperationInfo.ACTION)
    String evalSession(
        @Param(name = "session", description = "session name; empty for a fresh unnamed session") String session,
        @Param(name = "replace", description = "close the named session first") boolean replace,
        @Param(name = "scope", description = "scope of a new session; null for the session's or the default")
        String scope,
        @Param(name = "script", description = "sxs script text, one or more forms") String script,
        @Param(name = "client", description = "cli when the sxs command line calls; anything else for JMX")
        String client);

    /**
     * @param session the session name.
     * @param replace whether to close the named session first.
     * @param scope   the scope.
     * @param script  the script.
     * @param client  who calls.
     * @param entity  the entity to run as.
     * @return printed results.
     */
    @Description(value = "Evaluate a script in a named session as another entity (sxs eval --as): the caller's own "
        + "entity needs the admin right. Otherwise as evalSession. Audited.", impact = MBeanOperationInfo.ACTION)
    String evalSession(
        @Param(name = "session", description = "session name; empty for a fresh unnamed session") String session,
        @Param(name = "replace", description = "close the named session first") boolean replace,
        @Param(name = "scope", description = "scope of a new session; null for the session's or the default")
        String scope,
        @Param(name = "script", description = "sxs script text, one or more forms") String script,
        @Param(name = "client", description = "cli when the sxs command line calls; anything else for JMX")
        String client,
        @Param(name = "entity", description = "entity to run as; empty for the caller's own") String entity);

    /**
     * @param channel the channel.
     * @param topic   the topic.
     * @param payload the payload.
     * @return true.
     */
    @Description(value = "Publish an event on a channel in the configured default scope (same as publish on "
        + "dev.sxs:type=Channel,name=C; only that scope's handlers and awaits see it). The payload is sxs syntax, "
        + "one form, read but not evaluated: \"text\" must be quoted, a bare word is a symbol; publishString "
        + "sends plain text. Returns true; fails with sxs's message. Audited.",
        impact = MBeanOperationInfo.ACTION)
    boolean publish(
        @Param(name = "channel", description = "channel name, A..F") String channel,
        @Param(name = "topic", description = "topic number, 0..65535") int topic,
        @Param(name = "payload", description = PAYLOAD) String payload);

    /**
     * @param scope   the scope.
     * @param channel the channel name.
     * @param topic   the topic.
     * @param payload the payload.
     * @return true.
     */
    @Description(value = "Publish an event on a channel in a scope: only the handlers and awaits of that scope see "
        + "it. The payload is sxs syntax, one form, read but not evaluated (\"text\" quoted, a bare word is a "
        + "symbol). Returns true; fails with sxs's message. Audited.",
        impact = MBeanOperationInfo.ACTION)
    boolean publishIn(
        @Param(name = "scope", description = "scope, e.g. task:001: (empty for the root scope)") String scope,
        @Param(name = "channel", description = "channel name, A..F") String channel,
        @Param(name = "topic", description = "topic number, 0..65535") int topic,
        @Param(name = "payload", description = PAYLOAD) String payload);

    /**
     * @param channel the channel.
     * @param topic   the topic.
     * @param text    the text.
     * @return true.
     */
    @Description(value = "Publish an event on a channel in the configured default scope whose payload is the given "
        + "text as a string, whatever it contains. Returns true; fails with sxs's message. Audited.",
        impact = MBeanOperationInfo.ACTION)
    boolean publishString(
        @Param(name = "channel", description = "channel name, A..F") String channel,
        @Param(name = "topic", description = "topic number, 0..65535") int topic,
        @Param(name = "text", description = "plain text, published as a string (no sxs syntax, no quotes needed)")
        String text);

    /**
     * @param confirm must be {@code stop}.
     * @return what happened.
     */
    @Description(value = "Stop sxs: drain events, close the store and journal, unregister the MBeans "
        + "(and unload the agent); returns stopped. Runs only when confirm is the word stop, so a stray click "
        + "does nothing (it fails and says so). Audited.", impact = MBeanOperationInfo.ACTION)
    String stop(@Param(name = "confirm", description = "type stop to confirm; anything else stops nothing")
        String confirm);
}
