package dev.sxs.jmx.mbean;

import javax.management.MBeanOperationInfo;
import java.util.Map;

/**
 * {@code dev.sxs:type=Channel,name=A}..{@code F} and {@code name=exec}: one event channel.
 */
@Description("One sxs event channel: counters, queue depth, topics with handlers; publish events.")
public interface ChannelMXBean
{
    /** @return the channel name. */
    @Description("Channel name: A..F, or exec for the execution channel.")
    String getName();

    /** @return events accepted. */
    @Description("Events accepted (journaled and queued) since start.")
    long getPublished();

    /** @return handler invocations completed. */
    @Description("Handler invocations that completed normally.")
    long getDelivered();

    /** @return events discarded. */
    @Description("Events dropped by the overflow policy (DISCARD_OLDEST/DISCARD_NEWEST) or left at close.")
    long getDiscarded();

    /** @return handler failures. */
    @Description("Handler invocations that failed (error value or exception).")
    long getHandlerErrors();

    /** @return suppressed publications. */
    @Description("Publications suppressed because they came from a handler of a replayed event.")
    long getSuppressed();

    /** @return rejected publications. */
    @Description("Publications refused because the queue stayed full (queue full error).")
    long getRejected();

    /** @return publications refused for their causal depth. */
    @Description("Publications refused because a handler chain published deeper than events.maxDepth.")
    long getTooDeep();

    /** @return queue depth. */
    @Description("Events accepted and not yet handled.")
    long getQueueDepth();

    /** @return topics with handler counts. */
    @Description("Topics that have handlers (key) with the number of handlers over all scopes (value).")
    Map<Integer, Integer> getActiveTopics();

    /**
     * @param topic   the topic.
     * @param payload the payload.
     * @return true.
     */
    @Description(value = "Publish an event in the configured default scope (only that scope's handlers and awaits "
        + "see it; Runtime.publishIn names another scope). The payload is sxs syntax, one form, read but not "
        + "evaluated: 42, \"text\" (quoted), (a b); a bare word such as hello is a symbol; publishString sends "
        + "plain text. Returns true; fails with sxs's message (queue full, a read error, a bad topic; exec takes "
        + "scripts through Runtime.eval only). Audited.",
        impact = MBeanOperationInfo.ACTION)
    boolean publish(
        @Param(name = "topic", description = "topic number, 0..65535") int topic,
        @Param(name = "payload", description = "payload in sxs syntax, exactly one form: 42, \"text\" (quoted), "
            + "(a b); hello alone is a symbol") String payload);

    /**
     * @param topic the topic.
     * @param text  the text.
     * @return true.
     */
    @Description(value = "Publish an event whose payload is the given text as a string, whatever it contains "
        + "(blanks, quotes, parentheses), in the configured default scope. Returns true; fails with sxs's "
        + "message (queue full, a bad topic). Audited.", impact = MBeanOperationInfo.ACTION)
    boolean publishString(
        @Param(name = "topic", description = "topic number, 0..65535") int topic,
        @Param(name = "text", description = "plain text, published as a string (no sxs syntax, no quotes needed)")
        String text);

    /** @return topics with handlers. */
    @Description("Topic numbers that have at least one handler in any scope, ascending.")
    int[] topics();
}
