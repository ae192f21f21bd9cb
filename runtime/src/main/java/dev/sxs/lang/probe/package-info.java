/**
 * The language's side of probes on host methods: the {@code core/probe/on}, {@code off} and {@code list}
 * commands ({@link dev.sxs.lang.probe.ProbeCommands}), what a probe is ({@link dev.sxs.lang.probe.ProbeSpec},
 * {@link dev.sxs.lang.probe.ProbeOptions}, the name rules of {@link dev.sxs.lang.probe.ProbeTargets}), how a call
 * becomes an sxs value ({@link dev.sxs.lang.probe.ProbePayload}), and the role the commands, the agent's probes
 * file, JMX and the CLI install probes through ({@link dev.sxs.lang.probe.ProbeRegistry}), implemented by the
 * agent, which has the JVM's instrumentation. Without one (an embedded runtime, {@code sxs run}) every command
 * gives an error value.
 */
package dev.sxs.lang.probe;
