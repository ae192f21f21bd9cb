package dev.sxs.runtime;

import java.util.concurrent.CompletableFuture;

import dev.sxs.lang.exec.ClusterQueue;

/**
 * The execution channel of a cluster, opened by a {@link ChannelBridge}: scripts queued in any JVM
 * ({@link #enqueue}) are taken by one JVM each and run there ({@link #start}), then acknowledged.
 * <p>
 * Delivery is at least once: a script is acknowledged when its run has ended; if its JVM dies (or loses the
 * cluster) first, the cluster hands it to another JVM after the backend's acknowledgement wait, so it may run
 * twice. Threading: {@link #enqueue} from any thread; scripts are taken on a thread of the backend's own and run
 * on the runtime's processors. {@link #close()} stops taking scripts and waits a bounded time for the running
 * ones to be acknowledged.
 */
public interface WorkQueue extends ClusterQueue, AutoCloseable
{
    /** Runs a script taken from the queue. */
    @FunctionalInterface
    interface Runner
    {
        /**
         * @param source the script text.
         * @param scope  the scope it was queued from.
         * @param entity the entity that queued it.
         * @return completes when the script's run has ended, whatever its result.
         */
        CompletableFuture<?> run(String source, String scope, String entity);
    }

    /**
     * Start taking scripts from the queue.
     *
     * @param runner runs each one; its future's end acknowledges it.
     */
    void start(Runner runner);

    /** Stop taking scripts; acknowledge the ones that end within a bounded wait. Idempotent. */
    @Override
    void close();
}
