package dev.sxs.lang;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Random scripts built from the conditions, comparisons, arithmetic, string, list, loop, local-name and
 * stored-function commands with random (often wrong) arguments: every script gives a value, never an
 * internal error, every value prints and reads back equal, and the runtime stays usable.
 */
class RandomLogicScriptTest
{
    private static final String[] COMMANDS = {"core/expr/if", "core/expr/and", "core/expr/or", "core/expr/not",
        "core/expr/eq", "core/expr/lt", "core/expr/le", "core/expr/gt", "core/expr/ge", "core/expr/let",
        "core/expr/while", "core/math/add", "core/math/sub", "core/math/mul", "core/math/div", "core/math/mod",
        "core/str/concat", "core/str/len", "core/str/sub", "core/str/split", "core/str/join", "core/str/contains",
        "core/list/new", "core/list/len", "core/list/nth", "core/list/each", "core/fn/def", "core/fn/call",
        "core/fn/del", "core/fn/list", "core/kv/set", "core/kv/get", "core/kv/incr", "core/expr/ne", "core/math/min",
        "core/math/max", "core/math/abs", "core/str/upper", "core/str/lower", "core/str/trim", "core/str/num",
        "core/list/append"};
    private static final String[] ATOMS = {"x", "f", "$x", "$item", "$index", "\"a,b\"", "\",\"", "\"\"", "0", "1",
        "-1", "2", "9223372036854775807", "-9223372036854775808", "2.5", "0.0", "##NaN", "##Inf", "true", "false",
        "@\"e\"", "'[1 \"a\" b]", "'(x y)", "{}", "{$x}", "[]", "()", "(x)", "(f x)", "\"\u00e9\ud83d\ude00\""};

    @Test
    void shouldAlwaysAnswerWithValuesThatReadBack()
    {
        final Random random = new Random(12);
        try (Sxs sxs = new Sxs(Map.of("budget.steps", "5000", "budget.size", "1000")))
        {
            for (int i = 0; i < 4_000; i++)
            {
                final String script = form(random, 4);
                final List<Value> values = sxs.runtime.eval(script, random.nextBoolean() ? "" : "s:");
                assertEquals(1, values.size(), script);
                final String printed = Printer.print(values.get(0));
                assertFalse(printed.contains("internal error") || printed.contains("stack exhausted"),
                    script + " gave " + printed);
                assertEquals(printed, Printer.print(Reader.readOne(printed)), script);
            }
            assertEquals("true\n3", sxs.eval("(core/fn/def final (a) {(core/math/add $a 1)}) (core/fn/call final 2)"));
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
