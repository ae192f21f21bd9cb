package dev.sxs.lang.task;

import dev.sxs.lang.CommandRegistry;

/**
 * Registers the {@code core/task/*} commands. They find the engine in the interpreter's services under
 * {@link TaskControl}; without one each answers an error value.
 */
public final class TaskCommands
{
    /** {@code core/task/spawn}. */
    public static final String SPAWN = "core/task/spawn";
    /** {@code core/task/new}. */
    public static final String NEW = "core/task/new";
    /** {@code core/task/status}. */
    public static final String STATUS = "core/task/status";
    /** {@code core/task/resume}. */
    public static final String RESUME = "core/task/resume";
    /** {@code core/task/cancel}. */
    public static final String CANCEL = "core/task/cancel";
    /** {@code core/task/list}. */
    public static final String LIST = "core/task/list";
    /** {@code core/task/yield}. */
    public static final String YIELD = "core/task/yield";
    /** {@code core/task/await}. */
    public static final String AWAIT = "core/task/await";
    /** {@code core/task/sleep}. */
    public static final String SLEEP = "core/task/sleep";
    /** {@code core/task/call}. */
    public static final String CALL = "core/task/call";
    /** {@code core/task/shared}. */
    public static final String SHARED = "core/task/shared";
    /** {@code core/task/frame}. */
    public static final String FRAME = "core/task/frame";
    /** {@code core/task/step}: the engine's own step script. */
    public static final String STEP = "core/task/step";

    private TaskCommands()
    {
    }

    /**
     * @param registry where to register.
     * @return the registry, for chaining.
     */
    public static CommandRegistry registerAll(final CommandRegistry registry)
    {
        return registry
            .register(SPAWN, new SpawnCommand(false))
            .register(NEW, new SpawnCommand(true))
            .register(STATUS, new IdCommand(IdCommand.Op.STATUS))
            .register(RESUME, new IdCommand(IdCommand.Op.RESUME))
            .register(CANCEL, new IdCommand(IdCommand.Op.CANCEL))
            .register(LIST, new ListCommand())
            .register(YIELD, new WaitCommand(Wait.Kind.YIELD))
            .register(AWAIT, new WaitCommand(Wait.Kind.AWAIT))
            .register(SLEEP, new WaitCommand(Wait.Kind.SLEEP))
            .register(CALL, new TaskCallCommand())
            .register(SHARED, new SharedCommand(false))
            .register(FRAME, new SharedCommand(true))
            .register(STEP, new StepCommand());
    }
}
