package dev.sxs.gateway;

import dev.sxs.session.Principal;

/**
 * Role: where the gateway writes audit records (the JMX module's journal audit log implements it).
 * <p>
 * Threading: any thread. Failure: recording never throws; a record that cannot be written is reported
 * by the implementation and does not stop the action.
 */
@FunctionalInterface
public interface AuditTrail
{
    /** Records nothing. */
    AuditTrail NONE = (who, action, detail) -> {};

    /**
     * @param who    who acted.
     * @param action the action, e.g. {@code Runtime.eval}.
     * @param detail its arguments, in readable form.
     */
    void record(Principal who, String action, String detail);
}
