package dev.sxs.lang;

import dev.sxs.kv.KvStore;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test fixture: a runtime with the core commands over a real in-memory Chronicle store (or the backend
 * {@link BackendUnderTest} names), collecting log lines.
 */
final class Sxs implements AutoCloseable
{
    final KvStore root;
    final SxsRuntime runtime;
    final Interpreter interpreter;
    final List<String> log = new CopyOnWriteArrayList<>();

    Sxs(final Map<String, String> config)
    {
        final Map<String, String> settings = new HashMap<>(Map.of("kv.entries", "20000"));
        settings.putAll(config);
        this.runtime = SxsRuntime.start(Config.defaults().with(BackendUnderTest.over(settings)),
            (s, line) -> log.add(line));
        this.root = runtime.store();
        this.interpreter = runtime.interpreter();
    }

    Sxs()
    {
        this(Map.of());
    }

    Session session(final String scope)
    {
        return runtime.session(scope);
    }

    /** Evaluate in the root scope; the printed values, one per top-level form, joined by newlines. */
    String eval(final String source)
    {
        return evalIn("", source);
    }

    String evalIn(final String scope, final String source)
    {
        final List<String> printed = new ArrayList<>();
        for (final Value v : runtime.eval(source, scope))
        {
            printed.add(Printer.print(v));
        }
        return String.join("\n", printed);
    }

    @Override
    public void close()
    {
        runtime.close();
    }
}
