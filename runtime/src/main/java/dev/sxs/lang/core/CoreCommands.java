package dev.sxs.lang.core;

import dev.sxs.lang.CommandRegistry;

/**
 * Registers the core commands of the language that need no runtime service: the key/value
 * commands, {@code core/expr/eval}, {@code core/util/log} and {@code core/util/now}. The event
 * commands ({@code core/event/*}, {@code core/expr/await}) are registered by
 * {@code dev.sxs.lang.event.EventCommands}.
 */
public final class CoreCommands
{
    /** {@code core/kv/set}. */
    public static final String SET = "core/kv/set";
    /** {@code core/kv/get}. */
    public static final String GET = "core/kv/get";
    /** {@code core/kv/del}. */
    public static final String DEL = "core/kv/del";
    /** {@code core/kv/exists}. */
    public static final String EXISTS = "core/kv/exists";
    /** {@code core/kv/snx}. */
    public static final String SNX = "core/kv/snx";
    /** {@code core/kv/cas}. */
    public static final String CAS = "core/kv/cas";
    /** {@code core/kv/incr}. */
    public static final String INCR = "core/kv/incr";
    /** {@code core/kv/iterate}. */
    public static final String ITERATE = "core/kv/iterate";
    /** {@code core/expr/eval}. */
    public static final String EVAL = "core/expr/eval";
    /** {@code core/util/log}. */
    public static final String LOG = "core/util/log";
    /** {@code core/util/now}. */
    public static final String NOW = "core/util/now";

    private CoreCommands()
    {
    }

    /**
     * Register every core command.
     *
     * @param registry where to register.
     * @return the registry, for chaining.
     */
    public static CommandRegistry registerAll(final CommandRegistry registry)
    {
        return registry
            .register(SET, new SetCommand())
            .register(GET, new GetCommand())
            .register(DEL, new DelCommand())
            .register(EXISTS, new ExistsCommand())
            .register(SNX, new SnxCommand())
            .register(CAS, new CasCommand())
            .register(INCR, new IncrCommand())
            .register(ITERATE, new IterateCommand())
            .register(EVAL, new EvalCommand())
            .register(LOG, new LogCommand())
            .register(NOW, new NowCommand());
    }
}
