/**
 * How sxs runs its threads: {@link dev.sxs.concurrent.SxsThreadFactory}, the one source of every thread
 * sxs starts (Agrona agents run on its threads through {@code AgentRunner.startOnThread}). Depends on
 * nothing else of sxs.
 */
package dev.sxs.concurrent;
