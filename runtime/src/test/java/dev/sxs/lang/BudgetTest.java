package dev.sxs.lang;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetTest
{
    @Test
    void shouldStopAfterTheStepBudgetAndStayStopped()
    {
        try (Sxs sxs = new Sxs(Map.of("budget.steps", "3")))
        {
            assertEquals("true\ntrue\ntrue\n@\"budget exceeded: 3 steps\"\n@\"budget exceeded: 3 steps\"\n42",
                sxs.eval("(core/kv/set a 1) (core/kv/set b 2) (core/kv/set c 3) (core/kv/set d 4) (core/kv/set e 5) "
                    + "42"));
            assertEquals("false", sxs.eval("(core/kv/exists d)"));
        }
    }

    @Test
    void shouldCountNestedCallsAndIterationsAsSteps()
    {
        try (Sxs sxs = new Sxs(Map.of("budget.steps", "100")))
        {
            for (int i = 0; i < 150; i++)
            {
                sxs.root.put("k:" + i, Integer.toString(i));
            }
            assertEquals("@\"budget exceeded: 100 steps\"", sxs.eval("(core/kv/iterate k: 0 1000 { })"));
            assertEquals("@\"budget exceeded: 100 steps\"",
                sxs.eval("(core/kv/iterate k: 0 1000 { (core/kv/get $key) })"));
            assertEquals("10", sxs.eval("(core/kv/iterate k: 0 10 { (core/kv/get $key) })"));
        }
    }

    @Test
    void shouldStopRunawayWorkByStepBudget()
    {
        try (Sxs sxs = new Sxs(Map.of("budget.steps", "100000")))
        {
            for (int i = 0; i < 100; i++)
            {
                sxs.root.put("k:" + i, Integer.toString(i));
            }
            assertEquals("@\"budget exceeded: 100000 steps\"",
                sxs.eval("(core/kv/iterate k: 0 100 { (core/kv/iterate k: 0 100 { (core/kv/iterate k: 0 100 { "
                    + "(core/expr/eval \"(core/kv/get $key)\") }) }) })"));
        }
    }

    @Test
    void shouldStopDeepEvalRecursionByDepth()
    {
        try (Sxs sxs = new Sxs())
        {
            sxs.eval("(core/kv/set f \"(core/expr/eval (core/kv/get f))\")");
            assertEquals("@\"nesting too deep: more than " + Context.DEFAULT_MAX_DEPTH + " levels of calls\"",
                sxs.eval("(core/expr/eval (core/kv/get f))"));
            assertEquals("true", sxs.eval("(core/kv/set after 1)"));
        }
    }

    @Test
    void shouldNeverLetAStackOverflowEscapeOnASmallStack() throws Exception
    {
        try (Sxs sxs = new Sxs())
        {
            sxs.eval("(core/kv/set f \"(core/kv/iterate \\\"\\\" 0 1 { (core/expr/eval (core/kv/get f)) })\")");
            final CompletableFuture<List<Value>> result = new CompletableFuture<>();
            final Thread thread = new Thread(null, () ->
            {
                try
                {
                    result.complete(sxs.runtime.eval("(core/expr/eval (core/kv/get f))", ""));
                }
                catch (final Throwable t)
                {
                    result.completeExceptionally(t);
                }
            }, "sxs-test-small-stack", 48 * 1024);
            thread.start();
            final List<Value> values = result.get(30, TimeUnit.SECONDS);
            assertEquals(1, values.size());
            assertInstanceOf(ErrorValue.class, values.get(0));
            final String message = ((ErrorValue)values.get(0)).message();
            assertTrue(message.contains("stack exhausted") || message.contains("nesting too deep"), message);
        }
    }

    @Test
    void shouldStopAfterTheTimeBudget()
    {
        try (Sxs sxs = new Sxs(Map.of("budget.millis", "20", "budget.steps", "1000000000000")))
        {
            for (int i = 0; i < 1000; i++)
            {
                sxs.root.put("k:" + i, Integer.toString(i));
            }
            assertEquals("@\"budget exceeded: 20 ms\"",
                sxs.eval("(core/kv/iterate k: 0 1000 { (core/kv/iterate k: 0 1000 { (core/kv/iterate k: 0 1000 { "
                    + "(core/kv/get $key) }) }) })"));
        }
    }

    @Test
    void shouldResetForReuse()
    {
        final Budget budget = new Budget(2, 1000);
        assertNull(budget.step());
        assertNull(budget.step());
        final ErrorValue exceeded = budget.step();
        assertEquals(new ErrorValue("budget exceeded: 2 steps"), exceeded);
        assertSame(exceeded, budget.step());
        budget.reset();
        assertNull(budget.step());
        assertEquals(1, budget.steps());
    }

    @Test
    void shouldCountEvaluationsAndOverrunsInTheInterpreterStats()
    {
        try (Sxs sxs = new Sxs(Map.of("budget.steps", "3")))
        {
            final EvaluationStats stats = sxs.interpreter.stats();
            final long before = stats.evaluations();
            sxs.eval("(core/kv/set a 1)");
            sxs.eval("(core/kv/set a 1) (core/kv/set b 2) (core/kv/set c 3) (core/kv/set d 4)");
            assertEquals(before + 2, stats.evaluations());
            assertEquals(1, stats.budgetOverruns());
        }
    }
}
