/**
 * sxs's store against the embedded stores a user would pick instead (RocksDB JNI, LMDB through lmdbjava,
 * MapDB HTree and BTree, H2 MVStore) and raw Chronicle Map, on one workload ({@link
 * dev.sxs.bench.peers.PeerStoreBenchmark}): each behind the small {@link dev.sxs.bench.peers.PeerStore} role,
 * with its durability settings stated in its class comment.
 */
package dev.sxs.bench.peers;
