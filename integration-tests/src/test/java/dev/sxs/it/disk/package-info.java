/**
 * A small, full disk under the store and the journal: a real tmpfs mounted by the test (it needs root), and the
 * child processes that write to it.
 */
package dev.sxs.it.disk;
