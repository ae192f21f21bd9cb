package dev.sxs.kv;

/**
 * One recorded change of a store's key set, as it waits in the pending log of a {@link WriteBehindKeyIndex}.
 *
 * @param key        the key's UTF-8 bytes, owned by the log.
 * @param added      true for an added key, false for a removed one.
 * @param afterBuild true when recorded once the index was complete (no initial build, or the build ended), so no
 *                   build can have seen the change: an add that {@link ChangeApplier} may drop with its remove.
 */
record KeyChange(byte[] key, boolean added, boolean afterBuild)
{
}
