/**
 * The runtime's side of a probe on a host method: {@link dev.sxs.probe.ActiveProbe} decides on the host's
 * thread whether a call is published (sampling, per-second cap) and hands it to the {@link dev.sxs.probe.ProbeDrain},
 * whose thread turns it into a payload and offers it through the {@link dev.sxs.gateway.Gateway} (never waiting:
 * a full channel drops the event and counts it), with the
 * {@link dev.sxs.session.Principal#PROBE} principal, in the scope of the session that installed it. The
 * instrumentation that calls it lives in the agent ({@code dev.sxs.agent.probe}).
 */
package dev.sxs.probe;
