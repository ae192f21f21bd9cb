package dev.sxs.gateway;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.sxs.lang.Value;
import dev.sxs.session.SessionRegistry;
import dev.sxs.session.SxsSession;

/**
 * Role: where the gateway queues scripts (the runtime's processors behind the execution channel).
 * <p>
 * Threading: any thread. Failure: never throws; problems complete the future with error values.
 */
public interface ScriptQueue
{
    /**
     * @param source  the script text.
     * @param topic   the execution-channel topic, 0..65535.
     * @param session the session it runs in.
     * @return one value per top-level form, or a single error value; never completes exceptionally.
     */
    default CompletableFuture<List<Value>> submit(final String source, final int topic, final SxsSession session)
    {
        return submit(source, topic, session, new ScriptProgress());
    }

    /**
     * @param source   the script text.
     * @param topic    the execution-channel topic, 0..65535.
     * @param session  the session it runs in.
     * @param progress told when the script starts and ends; cancelling the returned future cancels it.
     * @return one value per top-level form, or a single error value; never completes exceptionally.
     */
    CompletableFuture<List<Value>> submit(String source, int topic, SxsSession session, ScriptProgress progress);

    /**
     * Where a script of an unnamed session goes (such sessions need no order between their scripts).
     *
     * @param sessionId the session's id.
     * @return an execution-channel topic, 0..65535; by default the id spread over the topics.
     */
    default int topicFor(final long sessionId)
    {
        return (int)Math.floorMod(sessionId, (long)SessionRegistry.TOPICS);
    }
}
