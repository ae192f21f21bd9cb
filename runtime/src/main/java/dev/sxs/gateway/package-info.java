/**
 * The gateway: the one way into a runtime. Every submission (a script or an event, from the CLI, JMX, the
 * boot script, a replay or the Java API) is handed to the {@link dev.sxs.gateway.Gateway}, which resolves
 * its session and scope, asks the {@link dev.sxs.gateway.AccessPolicy} (the entities issue's permissions),
 * writes the audit record through the {@link dev.sxs.gateway.AuditTrail} (the JMX module's journal
 * audit log), and hands it to the processors (scripts, through its {@code ScriptGate}) or the dispatcher.
 */
package dev.sxs.gateway;
