package dev.sxs.entity;

import dev.sxs.events.Channel;

/**
 * The denial messages, one shape for every way in: {@code entity 'ID' may not VERB TARGET}. Stateless.
 */
public final class Denials
{
    private Denials()
    {
    }

    /**
     * @param entity     the entity's id.
     * @param permission R or W.
     * @param scope      the scope.
     * @return {@code entity 'shop-a' may not write scope 'shop-b:'}.
     */
    public static String scope(final String entity, final Permission permission, final String scope)
    {
        return "entity '" + entity + "' may not " + permission.verb() + " scope '" + scope + "'";
    }

    /**
     * @param entity the entity's id.
     * @param scope  the scope.
     * @return {@code entity 'shop-a' may not use scope 'shop-b:'} (neither read nor write it).
     */
    public static String use(final String entity, final String scope)
    {
        return "entity '" + entity + "' may not use scope '" + scope + "'";
    }

    /**
     * @param entity     the entity's id.
     * @param permission P or S.
     * @param channel    the channel.
     * @param topic      the topic.
     * @return {@code entity 'shop-a' may not publish on channel A topic 7}.
     */
    public static String event(final String entity, final Permission permission, final Channel channel,
        final int topic)
    {
        return "entity '" + entity + "' may not " + permission.verb() + " channel " + channel.label() + " topic "
            + topic;
    }

    /**
     * @param entity    the entity's id.
     * @param perSecond its limit.
     * @return {@code entity 'shop-a' may not publish more than 5 events a second}.
     */
    public static String rate(final String entity, final int perSecond)
    {
        return "entity '" + entity + "' may not publish more than " + perSecond + " events a second";
    }

    /**
     * @param entity the entity's id.
     * @param what   what it may not do, e.g. {@code manage entities} or {@code act as entity 'x'}.
     * @return {@code entity 'shop-a' may not manage entities}.
     */
    public static String action(final String entity, final String what)
    {
        return "entity '" + entity + "' may not " + what;
    }
}
