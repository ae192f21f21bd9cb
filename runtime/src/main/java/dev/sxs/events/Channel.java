package dev.sxs.events;

/**
 * The seven channels: the execution channel and the general channels A..F.
 */
public enum Channel
{
    /** Scripts for processors; topic = processor id. */
    EXEC("exec"),
    A("A"),
    B("B"),
    C("C"),
    D("D"),
    E("E"),
    F("F");

    /** Lowest topic number on every channel. */
    public static final int MIN_TOPIC = 0;
    /** Highest topic number on every channel. */
    public static final int MAX_TOPIC = 65535;

    private final String label;

    Channel(final String label)
    {
        this.label = label;
    }

    /** @return the short name used in JMX and the CLI ({@code exec}, {@code A}..{@code F}). */
    public String label()
    {
        return label;
    }

    /**
     * The channel for a name: {@code A}..{@code F} (either case), {@code $CHANNEL_A}.., or {@code exec}.
     *
     * @param name the name.
     * @return the channel, or null when the name names none.
     */
    public static Channel byName(final String name)
    {
        if (name == null)
        {
            return null;
        }
        String n = name.startsWith("$CHANNEL_") ? name.substring("$CHANNEL_".length()) : name;
        n = n.startsWith("CHANNEL_") ? n.substring("CHANNEL_".length()) : n;
        for (final Channel c : values())
        {
            if (c.label.equalsIgnoreCase(n) || c.name().equalsIgnoreCase(n))
            {
                return c;
            }
        }
        return null;
    }

    /**
     * @param topic a topic number.
     * @return true when 0..65535.
     */
    public static boolean isValidTopic(final long topic)
    {
        return topic >= MIN_TOPIC && topic <= MAX_TOPIC;
    }
}
