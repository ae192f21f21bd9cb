/**
 * Wiring of the runtime: {@link dev.sxs.runtime.Settings} (every setting defined once: key, default from the
 * capability's options record, parser, description), {@link dev.sxs.runtime.Config} (the settings parsed and
 * validated, handed out as each capability's options record) and {@link dev.sxs.runtime.SxsRuntime} (store +
 * journal + interpreter + event dispatcher + script {@link dev.sxs.runtime.Processors} on the execution
 * channel), built from a Config. This is the only runtime package that reads a Config: {@code kv},
 * {@code journal}, {@code events} and {@code lang} take their options records and import nothing from here.
 */
package dev.sxs.runtime;
