package dev.sxs.jmx.audit;

/**
 * Where management actions are recorded: every {@code eval} and every mutating operation (set,
 * delete, publish, replay, stop). Threading: any thread. Failure: recording never throws; a record
 * that cannot be written is reported by the implementation and does not stop the operation.
 */
@FunctionalInterface
public interface AuditLog
{
    /** Records nothing. */
    AuditLog NONE = (who, operation, detail) -> {};

    /**
     * @param who       the JMX principal, or {@code local} for calls inside the JVM.
     * @param operation the MBean and operation, e.g. {@code Store.set}.
     * @param detail    the arguments, in readable form.
     */
    void record(String who, String operation, String detail);
}
