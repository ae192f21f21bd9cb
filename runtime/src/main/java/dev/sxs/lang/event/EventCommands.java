package dev.sxs.lang.event;

import dev.sxs.lang.CommandRegistry;
import dev.sxs.lang.exec.QueueCommand;

/**
 * Registers the event commands. They find the runtime's {@link dev.sxs.events.Dispatcher} through
 * the interpreter's services ({@code services.put(Dispatcher.class, dispatcher)}).
 */
public final class EventCommands
{
    /** {@code (core/event/pub CHANNEL TOPIC DATA)}. */
    public static final String PUB = "core/event/pub";
    /** {@code (core/event/sub CHANNEL TOPIC {BODY})}. */
    public static final String SUB = "core/event/sub";
    /** {@code (core/event/unsub CHANNEL TOPIC)}. */
    public static final String UNSUB = "core/event/unsub";
    /** {@code (core/expr/await BODY CHANNEL TOPIC [TIMEOUT_MS])}. */
    public static final String AWAIT = "core/expr/await";

    private EventCommands()
    {
    }

    /**
     * @param registry the registry to extend.
     * @return the same registry.
     */
    public static CommandRegistry registerAll(final CommandRegistry registry)
    {
        return registry
            .register(PUB, new PubCommand())
            .register(SUB, new SubCommand())
            .register(UNSUB, new UnsubCommand())
            .register(AWAIT, new AwaitCommand())
            .register(QueueCommand.NAME, new QueueCommand()); // the execution channel of a cluster
    }
}
