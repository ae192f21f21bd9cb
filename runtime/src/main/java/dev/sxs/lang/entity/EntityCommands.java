package dev.sxs.lang.entity;

import dev.sxs.lang.CommandRegistry;

/**
 * Registers {@code core/entity/*}: one {@link EntityCommand} per operation.
 */
public final class EntityCommands
{
    /** The commands' common prefix. */
    public static final String PREFIX = "core/entity/";

    private EntityCommands()
    {
    }

    /**
     * @param registry the registry to extend.
     * @return the same registry.
     */
    public static CommandRegistry registerAll(final CommandRegistry registry)
    {
        for (final EntityCommand.Op op : EntityCommand.Op.values())
        {
            registry.register(PREFIX + op.word(), new EntityCommand(op));
        }
        return registry;
    }
}
