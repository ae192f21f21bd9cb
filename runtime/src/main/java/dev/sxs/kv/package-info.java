/**
 * The sxs key/value store: the {@link dev.sxs.kv.KvStore} role, its Chronicle Map implementation
 * {@link dev.sxs.kv.ChronicleKvStore}, the ordered key index that serves prefix iteration
 * ({@link dev.sxs.kv.ChunkedKeyIndex}), kept behind the writers by the {@code sxs-kv-indexer} thread of
 * {@link dev.sxs.kv.WriteBehindKeyIndex}, scoped views ({@link dev.sxs.kv.ScopedKvStore}) and the
 * ownership lock of a data folder ({@link dev.sxs.kv.DataFolderLock}). {@link dev.sxs.kv.KvOptions} holds the
 * store's settings and their defaults; the store knows nothing of the runtime or the language.
 */
package dev.sxs.kv;
