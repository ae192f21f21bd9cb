package dev.sxs.entity;

/**
 * Where denials go: the wiring counts them (metrics) and writes an audit record; entity changes a session makes
 * ({@code core/entity/*}) are audited through it too.
 * <p>
 * Threading: called on the denied caller's thread (a processor, a dispatch thread, a JMX thread); must not
 * block long nor throw.
 */
@FunctionalInterface
public interface DenialSink
{
    /** Drops denials. */
    DenialSink NONE = (entity, message) ->
    {
    };

    /**
     * @param entity  the denied entity's id.
     * @param message the denial, e.g. {@code entity 'shop-a' may not write scope 'shop-b:'}.
     */
    void denied(String entity, String message);

    /**
     * @param entity the acting entity's id.
     * @param change the change, e.g. {@code grant shop-a RW shop-a:}.
     */
    default void changed(final String entity, final String change)
    {
        // not audited unless the wiring says so
    }
}
