package dev.sxs.lang;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Random scripts built from the core commands with random (often wrong) arguments: evaluation must
 * always give values (never an internal error), never throw, and the store must stay usable.
 */
class RandomScriptTest
{
    private static final String[] COMMANDS = {"core/kv/set", "core/kv/get", "core/kv/del", "core/kv/exists",
        "core/kv/snx",
        "core/kv/cas", "core/kv/incr", "core/kv/iterate", "core/expr/eval", "core/util/log", "core/util/now", "quote",
            "no/such"};
    private static final String[] ATOMS = {"k", "k:1", "\"k:2\"", "\"\"", "1", "-1", "0", "9223372036854775807", "2.5",
        "##NaN",
        "$key", "$data", "$CHANNEL_A", "true", "@\"e\"", "'x", "{}", "[]", "()", "\"(core/kv/incr n)\"",
            "\"(core/kv/get\""};

    @Test
    void shouldAlwaysAnswerWithValues()
    {
        final Random random = new Random(99);
        try (Sxs sxs = new Sxs(Map.of("budget.steps", "5000")))
        {
            for (int i = 0; i < 3_000; i++)
            {
                final String script = form(random, 3);
                final List<Value> values = sxs.runtime.eval(script, random.nextBoolean() ? "" : "s:");
                assertEquals(1, values.size(), script);
                assertNotNull(values.get(0), script);
                final String printed = Printer.print(values.get(0));
                assertFalse(printed.contains("internal error") || printed.contains("stack exhausted"), script + " gave "
                    + printed);
            }
            assertEquals("true\n1", sxs.eval("(core/kv/set final 1) (core/kv/get final)"));
        }
    }

    private static String form(final Random random, final int depth)
    {
        if (depth == 0 || random.nextInt(3) == 0)
        {
            return ATOMS[random.nextInt(ATOMS.length)];
        }
        final StringBuilder out = new StringBuilder();
        final int kind = random.nextInt(10);
        out.append(kind == 0 ? '[' : kind == 1 ? '{' : '(');
        if (kind > 1)
        {
            out.append(COMMANDS[random.nextInt(COMMANDS.length)]);
        }
        final int n = random.nextInt(5);
        for (int i = 0; i < n; i++)
        {
            out.append(' ').append(form(random, depth - 1));
        }
        out.append(kind == 0 ? ']' : kind == 1 ? '}' : ')');
        return out.toString();
    }
}
