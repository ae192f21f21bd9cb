/**
 * Where the libraries inside sxs log: an SLF4J provider of the sxs class loader that writes warnings
 * and errors as single lines on stderr ({@code sxs [logger] WARN: ...}) and drops the rest, so
 * Chronicle's logging neither stays silent about problems nor floods the host's output, and never
 * touches the host's own logging.
 */
package dev.sxs.agent.logging;
