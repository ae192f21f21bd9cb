/**
 * Agent mode: what runs inside a host JVM after {@code -javaagent} or attach. {@link dev.sxs.agent.AgentMain}
 * is the entry point the bootstrap calls; it reads the configuration, starts the runtime, registers the
 * MBeans and a shutdown hook, and unloads everything on {@code stop}.
 */
package dev.sxs.agent;
