package dev.sxs.lang.fn;

import dev.sxs.lang.CommandRegistry;

/**
 * Registers {@code core/fn/def}, {@code core/fn/call}, {@code core/fn/del} and {@code core/fn/list},
 * sharing one {@link StoredFunctions} cache: register them once per registry (one runtime, one store).
 */
public final class FnCommands
{
    /** {@code core/fn/def}. */
    public static final String DEF = "core/fn/def";
    /** {@code core/fn/call}. */
    public static final String CALL = "core/fn/call";
    /** {@code core/fn/del}. */
    public static final String DEL = "core/fn/del";
    /** {@code core/fn/list}. */
    public static final String LIST = "core/fn/list";

    private FnCommands()
    {
    }

    /**
     * @param registry where to register.
     * @return the registry, for chaining.
     */
    public static CommandRegistry registerAll(final CommandRegistry registry)
    {
        final StoredFunctions functions = new StoredFunctions();
        return registry
            .register(DEF, new DefCommand(functions))
            .register(CALL, new CallCommand(functions))
            .register(DEL, new FnDelCommand(functions))
            .register(LIST, new FnListCommand());
    }
}
