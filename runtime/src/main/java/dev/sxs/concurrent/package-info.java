/**
 * How sxs runs its threads: {@link dev.sxs.concurrent.SxsThreadFactory}, the one source of every thread
 * sxs starts, and the Agrona {@code Agent}s it runs. Depends on nothing else of sxs.
 */
package dev.sxs.concurrent;
