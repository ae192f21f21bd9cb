package dev.sxs.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The first build of a {@link WriteBehindKeyIndex} whose index is not given complete (a store opened after a
 * crash, or without a trusted index file): the changes recorded while it runs are kept in order here and
 * applied to the built index when it ends, and readers wait for that moment.
 * <p>
 * Why it is correct: the build sees every key present when it started and, for each key, some state of it
 * during the build; every change from the start on is kept and applied afterwards in the order of that key's
 * changes, and adding or removing a key is idempotent, so each key ends in the state of its last change (or,
 * without one, the state it had all along).
 * <p>
 * Threading: {@link #defer} and {@link #finish} under the owner's apply lock; {@link #await} and
 * {@link #complete} from any thread. Allocation: the deferred list grows by one entry per change recorded
 * during the build (not bounded: writers are never held up by it).
 */
final class InitialBuild
{
    private final IndexBuild build;
    private final CountDownLatch ended;
    private List<KeyChange> deferred;
    private volatile RuntimeException failure;
    private volatile boolean complete;

    /**
     * @param build the build to run, or null when the index is complete from the start.
     */
    InitialBuild(final IndexBuild build)
    {
        this.build = build;
        this.ended = new CountDownLatch(build == null ? 0 : 1);
        this.deferred = build == null ? null : new ArrayList<>();
        this.complete = build == null;
    }

    /**
     * @return true when a build is still to run or running.
     */
    boolean pending()
    {
        return ended.getCount() > 0;
    }

    /**
     * Run the build (on the indexer thread, without the apply lock).
     *
     * @param cancelled true once the owner closes.
     * @return the built index, or null when cancelled or failed.
     */
    ChunkedKeyIndex run(final BooleanSupplier cancelled)
    {
        try
        {
            return build.build(cancelled);
        }
        catch (final RuntimeException ex)
        {
            failure = ex;
            return null;
        }
    }

    /**
     * @param change a change being applied.
     * @return true when the build still runs and the change was kept for later.
     */
    boolean defer(final KeyChange change)
    {
        final List<KeyChange> waiting = deferred;
        if (waiting == null)
        {
            return false;
        }
        waiting.add(change);
        return true;
    }

    /**
     * End the build: apply the kept changes through {@code apply} (which then reaches the built index) and
     * release the readers. Call under the apply lock, after the owner switched to the built index.
     *
     * @param built the built index, or null.
     * @param apply applies one change to the owner's index.
     * @return the number of changes applied.
     */
    int finish(final ChunkedKeyIndex built, final Consumer<KeyChange> apply)
    {
        final List<KeyChange> waiting = deferred;
        deferred = null;
        waiting.forEach(apply);
        complete = built != null;
        ended.countDown();
        return waiting.size();
    }

    /**
     * @return true when the index holds every key: given complete, or built.
     */
    boolean complete()
    {
        return complete;
    }

    /**
     * Wait for the end of the build.
     *
     * @throws IllegalStateException when it failed, or the waiting thread was interrupted (the interrupt is kept).
     */
    void await()
    {
        try
        {
            ended.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the key index is rebuilt", ex);
        }
        final RuntimeException cause = failure;
        if (cause != null)
        {
            throw new IllegalStateException("the key index could not be rebuilt: " + cause.getMessage(), cause);
        }
    }
}
