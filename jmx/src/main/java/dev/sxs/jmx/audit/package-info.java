/**
 * The audit trail of management actions: the {@link dev.sxs.jmx.audit.AuditLog} role the MBeans record
 * through (every {@code eval} and every mutating operation: set, delete, publish, replay, stop), and its
 * journal implementation, which writes each action as a record into the event journal, on the reserved
 * execution-channel topic {@link dev.sxs.jmx.audit.AuditRecords#TOPIC} with origin
 * {@link dev.sxs.jmx.audit.AuditRecords#ORIGIN}. The views in {@code dev.sxs.jmx.access} use the record
 * shape to skip audit records; nothing here uses them.
 */
package dev.sxs.jmx.audit;
