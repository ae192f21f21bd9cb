package dev.sxs.runtime;

import dev.sxs.entity.Entities;

/**
 * Who runs as which entity by default: local callers (attach, the CLI, in-process JMX, the Java API) and the
 * boot script. Both default to {@link Entities#ROOT}, which has every right, so a runtime behaves as without
 * entities until an operator creates some and points these settings (or remote users) at them. Immutable.
 *
 * @param local the entity of local callers ({@code entity.local}).
 * @param boot  the entity of the boot script ({@code entity.boot}).
 */
public record EntityOptions(String local, String boot)
{
    /** The default of both settings. */
    public static final String DEFAULT_ENTITY = Entities.ROOT;
}
