package dev.sxs.gateway;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.sxs.lang.Value;
import dev.sxs.session.SxsSession;

/**
 * Role: where the gateway queues scripts (the runtime's processors behind the execution channel).
 * <p>
 * Threading: any thread. Failure: never throws; problems complete the future with error values.
 */
@FunctionalInterface
public interface ScriptQueue
{
    /**
     * @param source  the script text.
     * @param topic   the execution-channel topic, 0..65535.
     * @param session the session it runs in.
     * @return one value per top-level form, or a single error value; never completes exceptionally.
     */
    CompletableFuture<List<Value>> submit(String source, int topic, SxsSession session);
}
