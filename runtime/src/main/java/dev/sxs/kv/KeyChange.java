package dev.sxs.kv;

/**
 * One recorded change of a store's key set, as it waits in the pending log of a {@link WriteBehindKeyIndex}.
 * The key stays a String until the change is applied: a writer pays no UTF-8 encoding, and an add dropped with
 * its remove ({@link ChangeApplier}) is never encoded at all.
 *
 * @param key        the key, as the store was given it.
 * @param added      true for an added key, false for a removed one.
 * @param afterBuild true when recorded once the index was complete (no initial build, or the build ended), so no
 *                   build can have seen the change: an add that {@link ChangeApplier} may drop with its remove.
 */
record KeyChange(String key, boolean added, boolean afterBuild)
{
}
