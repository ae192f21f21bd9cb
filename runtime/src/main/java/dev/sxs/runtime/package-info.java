/**
 * Wiring of the runtime: {@link dev.sxs.runtime.Config} (every setting, validated) and
 * {@link dev.sxs.runtime.SxsRuntime} (store + interpreter + event dispatcher + script
 * {@link dev.sxs.runtime.Processors} on the execution channel, and later the journal), built from a Config.
 */
package dev.sxs.runtime;
