package dev.sxs.lang;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Command names to {@link Command}s. Parts of the runtime add their commands here without touching
 * the evaluator: {@code registry.register("core/event/pub", new PubCommand(...))}.
 * <p>
 * Heads are resolved when a form is compiled, so register commands before compiling scripts that
 * use them; a script compiled earlier keeps {@code @"unknown command '...'"} for a name registered
 * later. Threading: safe for concurrent registration and lookup.
 */
public final class CommandRegistry
{
    private final Map<String, Command> commands = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    /**
     * Register a command, replacing any command of the same name.
     *
     * @param name    the name used in head position, e.g. {@code core/kv/get}.
     * @param command the command.
     * @return this, for chaining.
     */
    public CommandRegistry register(final String name, final Command command)
    {
        if (name == null || name.isEmpty())
        {
            throw new IllegalArgumentException("command name must not be empty");
        }
        commands.put(name, Objects.requireNonNull(command, "command"));
        version.incrementAndGet();
        return this;
    }

    /**
     * @param name a command name.
     * @return the command, or null when none has that name.
     */
    public Command lookup(final String name)
    {
        return commands.get(name);
    }

    /**
     * @return a number that changes whenever a command is registered (caches of compiled scripts
     * use it to notice new commands).
     */
    public long version()
    {
        return version.get();
    }

    /** @return the registered names, sorted. */
    public Set<String> names()
    {
        return new TreeSet<>(commands.keySet());
    }
}
