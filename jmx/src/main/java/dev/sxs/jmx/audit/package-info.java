/**
 * The audit trail of management actions: every {@code eval} and every mutating MBean operation
 * (set, delete, publish, replay, stop) written as a record into the event journal, on the reserved
 * execution-channel topic {@link dev.sxs.jmx.audit.AuditRecords#TOPIC} with origin
 * {@link dev.sxs.jmx.audit.AuditRecords#ORIGIN}.
 */
package dev.sxs.jmx.audit;
