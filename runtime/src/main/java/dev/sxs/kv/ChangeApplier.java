package dev.sxs.kv;

import java.util.function.Consumer;

/**
 * Applies the changes a {@link PendingLog} drains, in order, and drops a key's add together with the remove of
 * the same key that comes right after it in the log: a key inserted and removed again (a task's redo record, a
 * scratch key, {@code insert + remove}) then costs the indexer a comparison instead of an index insert and an
 * index delete at 0.5-0.9 us each, which it would otherwise spend on a core the writers need.
 * <p>
 * Why dropping the pair is exact: the changes of one key reach the log in the order they happened to the map,
 * and the log is applied in that order, so just before a key's add is applied the index does not hold the key
 * (the map did not); after the add and the remove it does not hold it either. An initial build (a scan of the
 * map after a crash) breaks this for the changes it may have seen: the scan may list a key that a writer added
 * during the build, and its remove must then be applied. So only an add recorded once the index was complete
 * is dropped ({@link KeyChange#afterBuild()}): the store records under the key's segment lock, which the scan
 * takes too, so a writer that still saw the build running when it recorded may have been seen by the scan, and
 * one that saw it ended inserted after the scan had passed the key's segment.
 * <p>
 * An add is held back until the next change shows whether it is cancelled; {@link #flush()} applies a held add,
 * and the log calls it at the end of every drain, so when the apply lock is released every drained change has
 * reached the index. Threading: under the log's apply lock only. Allocation: none.
 */
final class ChangeApplier implements Consumer<KeyChange>
{
    private final Consumer<KeyChange> target;
    private KeyChange heldAdd;
    private long cancelledPairs;

    /**
     * @param target applies one change to the index.
     */
    ChangeApplier(final Consumer<KeyChange> target)
    {
        this.target = target;
    }

    @Override
    public void accept(final KeyChange change)
    {
        final KeyChange held = heldAdd;
        if (held != null)
        {
            heldAdd = null;
            if (!change.added() && held.key().equals(change.key()))
            {
                cancelledPairs++;
                return;
            }
            target.accept(held);
        }
        if (change.added() && change.afterBuild())
        {
            heldAdd = change;
            return;
        }
        target.accept(change);
    }

    /** Apply the add held back, if any: the end of a drain. */
    void flush()
    {
        final KeyChange held = heldAdd;
        if (held != null)
        {
            heldAdd = null;
            target.accept(held);
        }
    }

    /** @return adds dropped with the remove that followed them (under the apply lock, or a racy snapshot). */
    long cancelledPairs()
    {
        return cancelledPairs;
    }
}
