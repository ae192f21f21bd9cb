/**
 * Probes on host methods with Byte Buddy: {@link dev.sxs.agent.probe.ByteBuddyProbes} (the
 * {@link dev.sxs.lang.probe.ProbeRegistry} of a running agent: one {@code AgentBuilder} with a resettable
 * transformer per probe, retransformation, inlined {@link dev.sxs.agent.probe.ProbeAdvice}), and
 * {@link dev.sxs.agent.probe.BridgeClass}, which defines {@link dev.sxs.bridge.ProbeBridge} in the bootstrap
 * loader. Removing a probe, and {@code stop}, reset its transformer with retransformation, so the host's
 * classes get their original bytecode back.
 */
package dev.sxs.agent.probe;
