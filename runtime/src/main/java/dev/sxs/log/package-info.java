/**
 * sxs's own warnings: {@link dev.sxs.log.SxsWarnings} prints them as single {@code [sxs] ...} lines on
 * standard error, whatever logging the host has set up. Depends on nothing else of sxs.
 */
package dev.sxs.log;
