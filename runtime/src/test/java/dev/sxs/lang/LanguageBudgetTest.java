package dev.sxs.lang;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The budget cases of the language's loops, recursion and value sizes: each runaway stops with a budget
 * error value and the host (the next script) is unaffected.
 */
class LanguageBudgetTest
{
    private static final String SIZE = "@\"budget exceeded: a value of more than 100000 items or characters\"";

    @Test
    void shouldStopAnEndlessWhileWithTheStepBudget()
    {
        try (Sxs sxs = new Sxs(Map.of("budget.steps", "10000")))
        {
            assertEquals("@\"budget exceeded: 10000 steps\"\n@\"budget exceeded: 10000 steps\"",
                sxs.eval("(core/expr/while {true} {}) (core/math/add 1 2)"));
            assertEquals("@\"budget exceeded: 10000 steps\"",
                sxs.eval("(core/expr/while true (core/kv/incr n))"));
            assertEquals("3", sxs.eval("(core/math/add 1 2)"));
        }
    }

    @Test
    void shouldStopAnEndlessWhileWithTheTimeBudget()
    {
        try (Sxs sxs = new Sxs(Map.of("budget.steps", "9000000000", "budget.millis", "200")))
        {
            final long start = System.nanoTime();
            assertEquals("@\"budget exceeded: 200 ms\"", sxs.eval("(core/expr/while {true} {})"));
            assertTrue(System.nanoTime() - start < 30_000_000_000L);
        }
    }

    @Test
    void shouldStopUnboundedRecursionThroughStoredFunctions()
    {
        try (Sxs sxs = new Sxs())
        {
            sxs.eval("(core/fn/def ping (n) {(core/fn/call pong $n)}) (core/fn/def pong (n) {(core/fn/call ping $n)})");
            assertEquals("@\"nesting too deep: more than 256 levels of calls\"", sxs.eval("(core/fn/call ping 1)"));
            assertEquals("3", sxs.eval("(core/math/add 1 2)"));
        }
    }

    @Test
    void shouldStopAListOfAMillionItems()
    {
        try (Sxs sxs = new Sxs())
        {
            final String million = "1 ".repeat(1_000_000);
            assertEquals(SIZE + "\n" + SIZE, sxs.eval("(core/list/new " + million + ") (core/list/new)"));
            assertEquals(SIZE, sxs.eval("(core/str/split \"" + ",".repeat(1_000_000) + "\" \",\")"));
            assertEquals("[]", sxs.eval("(core/list/new)"));
        }
    }

    @Test
    void shouldStopAStringDoubledInALoop()
    {
        try (Sxs sxs = new Sxs(Map.of("kv.valueBytes", "1024")))
        {
            assertEquals("true\n" + SIZE + "\n" + SIZE, sxs.eval("""
                (core/kv/set s "x")
                (core/expr/while {true} {(core/kv/set s (core/str/concat (core/kv/get s) (core/kv/get s)))})
                (core/str/len (core/kv/get s))
                """));
            assertEquals("65536", sxs.eval("(core/str/len (core/kv/get s))"));
            sxs.eval("(core/fn/def grow (s) {(core/fn/call grow (core/str/concat $s $s $s))})");
            assertEquals(SIZE, sxs.eval("(core/fn/call grow \"ab\")"));
            assertEquals(SIZE, sxs.eval("(core/str/join (core/list/new (core/kv/get s) (core/kv/get s)) \"\")"));
            assertEquals("\"xx\"", sxs.eval("(core/str/concat x x)"));
        }
    }

    @Test
    void shouldCountEachItemOfEachAsAStep()
    {
        try (Sxs sxs = new Sxs(Map.of("budget.steps", "50")))
        {
            final String items = "1 ".repeat(60);
            assertEquals("@\"budget exceeded: 50 steps\"", sxs.eval("(core/list/each '[" + items + "] {})"));
        }
    }
}
