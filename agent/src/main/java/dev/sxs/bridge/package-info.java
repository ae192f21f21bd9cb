/**
 * The one class of sxs the host's code reaches: {@link dev.sxs.bridge.ProbeBridge}, which the agent defines in
 * the bootstrap class loader (the OpenTelemetry Java agent's bridge pattern) so that probe advice inlined into
 * a class of any loader can call it. It refers to JDK types only; sxs plugs into it and unplugs at stop.
 */
package dev.sxs.bridge;
