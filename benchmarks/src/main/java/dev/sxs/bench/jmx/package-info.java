/**
 * What management costs the hot paths: dispatch and store operations with and without the sxs
 * metrics (JMX reporting live), in the same run.
 */
package dev.sxs.bench.jmx;
