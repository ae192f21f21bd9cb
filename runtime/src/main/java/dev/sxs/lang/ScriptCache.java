package dev.sxs.lang;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A small cache of compiled scripts by source text, so that {@code core/expr/eval} of the same text
 * (say, in a handler body running per event) reads and compiles it once. Bounded: at most
 * {@link #DEFAULT_MAX_ENTRIES} texts of at most {@link #DEFAULT_MAX_TEXT_LENGTH} characters; when
 * full it is cleared. Cleared too when a command is registered, so cached scripts never miss a new
 * command.
 * <p>
 * Threading: thread-safe. Allocation: none on a hit.
 */
final class ScriptCache
{
    /** Texts kept at most. */
    static final int DEFAULT_MAX_ENTRIES = 256;
    /** Longer texts are compiled every time. */
    static final int DEFAULT_MAX_TEXT_LENGTH = 4096;

    private final ConcurrentHashMap<String, Script> scripts = new ConcurrentHashMap<>();
    private final Compiler compiler;
    private volatile long version;

    ScriptCache(final Compiler compiler)
    {
        this.compiler = compiler;
        this.version = compiler.registry().version();
    }

    Script get(final String source)
    {
        if (source.length() > DEFAULT_MAX_TEXT_LENGTH)
        {
            return Script.compile(source, compiler);
        }
        final long current = compiler.registry().version();
        if (current != version)
        {
            scripts.clear();
            version = current;
        }
        Script script = scripts.get(source);
        if (script == null)
        {
            script = Script.compile(source, compiler);
            if (scripts.size() >= DEFAULT_MAX_ENTRIES)
            {
                scripts.clear();
            }
            scripts.put(source, script);
        }
        return script;
    }
}
