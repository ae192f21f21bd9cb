/**
 * Wiring of the runtime: {@link dev.sxs.runtime.Config} (every setting, validated) and
 * {@link dev.sxs.runtime.SxsRuntime} (store + interpreter, and later dispatcher, processors and
 * journal), built from a Config.
 */
package dev.sxs.runtime;
