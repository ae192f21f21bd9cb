package dev.sxs.task;

import dev.sxs.lang.Interpreter;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled programs of the engine, one per distinct function text, so ten thousand tasks of one
 * function share one compiled form. Programs are immutable; the cache only grows with distinct texts.
 * <p>
 * Threading: thread-safe.
 */
final class Programs
{
    private final ConcurrentHashMap<String, Program> byText = new ConcurrentHashMap<>();
    private final Interpreter interpreter;

    Programs(final Interpreter interpreter)
    {
        this.interpreter = interpreter;
    }

    /**
     * @param text a stored function's text, or null.
     * @return its program, or null when there is no text or it is not a function.
     */
    Program of(final String text)
    {
        if (text == null)
        {
            return null;
        }
        final Program cached = byText.get(text);
        return cached != null ? cached : byText.computeIfAbsent(text, t -> Program.compile(interpreter, t));
    }
}
