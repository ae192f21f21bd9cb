package dev.sxs.jmx.access;

import java.util.List;

import dev.sxs.session.Principal;

/**
 * What the {@code type=Entities} MBean needs from a runtime: the entities, the count of denials, and changes
 * made by a caller whose entity holds the admin right (each audited). Threading: any JMX thread.
 */
public interface EntityAccess
{
    /** @return one line per entity: {@code ID home=... rate=N sessions=N [admin] grants=...}, by id. */
    List<String> entities();

    /** @return the denials counted since start (every way in). */
    long denials();

    /**
     * Change the entities.
     *
     * @param who       who asks; its entity needs the admin right.
     * @param operation {@code create}, {@code grant}, {@code revoke}, {@code limit}, {@code home},
     *                  {@code admin} or {@code delete}.
     * @param args      the operation's arguments: ID, then RIGHTS TARGET, RATE SESSIONS, SCOPE or true|false.
     * @return the entity's line after the change ({@code deleted ID} for a delete).
     * @throws IllegalArgumentException with the message to show: a denial, no such entity, a bad grant.
     */
    String change(Principal who, String operation, List<String> args);

    /**
     * Check a management call that bypasses scopes.
     *
     * @param who  the caller.
     * @param need {@code read} or {@code write} (the root store, every scope: {@code R} or {@code W} on
     *             {@code *}) or {@code admin} (the admin right).
     * @throws IllegalArgumentException with the denial (counted and audited) when its entity lacks it.
     */
    void require(Principal who, String need);
}
