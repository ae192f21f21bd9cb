package dev.sxs.session;

import java.util.Objects;

/**
 * Who submits: the way in and a name there (the authenticated JMX user, {@code local} for a call inside
 * the JVM or over the local attach connector, or the fixed names of the boot script, replay and the Java
 * API), and the entity it asks to act as ({@code sxs eval --as}), if any. The gateway maps a principal to
 * the entity it runs as (docs/entities.md). Immutable.
 *
 * @param origin   the way in.
 * @param name     who, as that way in knows it; not empty.
 * @param actingAs the entity it asks to run as, or null for its own (the gateway checks it may).
 */
public record Principal(Origin origin, String name, String actingAs)
{
    /** The host's Java code. */
    public static final Principal API = new Principal(Origin.API, "api");
    /** The boot script. */
    public static final Principal BOOT = new Principal(Origin.BOOT, "boot");
    /** A journal replay. */
    public static final Principal REPLAY = new Principal(Origin.REPLAY, "replay");
    /** The probes on host methods. */
    public static final Principal PROBE = new Principal(Origin.PROBE, "probe");

    /**
     * A principal acting as itself.
     *
     * @param origin the way in.
     * @param name   who.
     */
    public Principal(final Origin origin, final String name)
    {
        this(origin, name, null);
    }

    /**
     * @param entity the entity to act as, or null for its own.
     * @return this principal asking to act as {@code entity}.
     */
    public Principal as(final String entity)
    {
        return new Principal(origin, name, entity == null || entity.isEmpty() ? null : entity);
    }

    /** Checks the origin and name are present. */
    public Principal
    {
        Objects.requireNonNull(origin, "origin");
        if (name == null || name.isEmpty())
        {
            throw new IllegalArgumentException("a principal needs a name");
        }
    }

    /**
     * @param who the JMX caller's name.
     * @return a JMX principal.
     */
    public static Principal jmx(final String who)
    {
        return new Principal(Origin.JMX, who);
    }

    /**
     * @param who the JMX caller's name the CLI connected as.
     * @return a CLI principal.
     */
    public static Principal cli(final String who)
    {
        return new Principal(Origin.CLI, who);
    }

    /**
     * @return {@code origin:name}, e.g. {@code cli:local}, or just the origin when the name repeats it; then
     *         {@code " as ENTITY"} when it acts as another entity.
     */
    @Override
    public String toString()
    {
        return (name.equals(origin.label()) ? name : origin.label() + ":" + name)
            + (actingAs == null ? "" : " as " + actingAs);
    }
}
