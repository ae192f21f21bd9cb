package dev.sxs.session;

import java.util.Objects;

/**
 * Who submits: the way in and a name there (the authenticated JMX user, {@code local} for a call inside
 * the JVM or over the local attach connector, or the fixed names of the boot script, replay and the Java
 * API). The entities issue will give principals permissions. Immutable.
 *
 * @param origin the way in.
 * @param name   who, as that way in knows it; not empty.
 */
public record Principal(Origin origin, String name)
{
    /** The host's Java code. */
    public static final Principal API = new Principal(Origin.API, "api");
    /** The boot script. */
    public static final Principal BOOT = new Principal(Origin.BOOT, "boot");
    /** A journal replay. */
    public static final Principal REPLAY = new Principal(Origin.REPLAY, "replay");
    /** The probes on host methods. */
    public static final Principal PROBE = new Principal(Origin.PROBE, "probe");

    /** Checks both parts are present. */
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

    /** @return {@code origin:name}, e.g. {@code cli:local}, or just the origin when the name repeats it. */
    @Override
    public String toString()
    {
        return name.equals(origin.label()) ? name : origin.label() + ":" + name;
    }
}
