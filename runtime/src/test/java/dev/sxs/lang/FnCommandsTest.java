package dev.sxs.lang;

import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.core.CoreCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * core/fn/def, call, del, list: stored in the caller's scope under a hidden key, cached compiled,
 * surviving a restart, recursion bounded by the nesting limit.
 */
class FnCommandsTest
{
    private final Sxs sxs = new Sxs();

    @AfterEach
    void close()
    {
        sxs.close();
    }

    @Test
    void shouldDefineAndCallAFunctionWithItsParametersBound()
    {
        assertEquals("true\n7\ntrue\n[\"a\" 1]\ntrue\n()", sxs.eval("""
            (core/fn/def add3 (a b c) {(core/math/add $a $b $c)})
            (core/fn/call add3 1 2 4)
            (core/fn/def pair ($x y) {(core/list/new $x $y)})
            (core/fn/call pair "a" 1)
            (core/fn/def none () {})
            (core/fn/call none)
            """));
    }

    @Test
    void shouldEvaluateTheNameToCallAFunctionChosenAtRunTime()
    {
        assertEquals("true\ntrue\ntrue\n\"B\"\n\"A\"\n@\"key not found: nope\"", sxs.eval("""
            (core/fn/def step-a () {"A"})
            (core/fn/def "step-b" () {"B"})
            (core/kv/set next step-b)
            (core/fn/call (core/kv/get next))
            (core/expr/let which step-a {(core/fn/call $which)})
            (core/fn/call (core/kv/get nope))
            """));
    }

    @Test
    void shouldRecurseWithABaseCase()
    {
        sxs.eval("(core/fn/def fact (n) {(core/expr/if (core/expr/le $n 1) 1 "
            + "{(core/math/mul $n (core/fn/call fact (core/math/sub $n 1)))})})");
        assertEquals("1\n120\n2432902008176640000", sxs.eval("(core/fn/call fact 0) (core/fn/call fact 5) "
            + "(core/fn/call fact 20)"));
        assertEquals("@\"core/math/mul: integer overflow: 21 * 2432902008176640000\"",
            sxs.eval("(core/fn/call fact 21)"));
    }

    @Test
    void shouldStopUnboundedRecursionWithTheNestingLimit()
    {
        sxs.eval("(core/fn/def down (n) {(core/fn/call down (core/math/add $n 1))})");
        assertEquals("@\"nesting too deep: more than 256 levels of calls\"", sxs.eval("(core/fn/call down 0)"));
        assertEquals("3", sxs.eval("(core/math/add 1 2)"));
    }

    @Test
    void shouldHideTheCallersLocalsFromTheBody()
    {
        sxs.eval("(core/fn/def peek () {$outer})");
        assertEquals("$outer\n2", sxs.eval("(core/expr/let outer 1 {(core/fn/call peek)}) "
            + "(core/expr/let a 1 {(core/fn/def twice (a) {(core/math/mul $a 2)}) (core/fn/call twice $a)})"));
        assertEquals("[3.0 1]", sxs.eval(
            "(core/expr/let a 1 {(core/list/new (core/fn/call twice (core/math/add $a 0.5)) $a)})"));
    }

    @Test
    void shouldSeeTheRedefinedFunctionAtOnce()
    {
        sxs.eval("(core/fn/def f () {1})");
        assertEquals("1", sxs.eval("(core/fn/call f)"));
        sxs.eval("(core/fn/def f () {2})");
        assertEquals("2", sxs.eval("(core/fn/call f)"));
        assertEquals("true\n@\"core/fn/call: no function 'f'\"\nfalse",
            sxs.eval("(core/fn/del f) (core/fn/call f) (core/fn/del f)"));
    }

    @Test
    void shouldSeeTheRedefinedFunctionThroughACompiledCallSite()
    {
        final Script call = sxs.interpreter.compile("(core/fn/call f)");
        final Session root = sxs.session("");
        final Session task = sxs.session("task:1:");
        sxs.eval("(core/fn/def f () {1})");
        sxs.evalIn("task:1:", "(core/fn/def f () {10})");
        assertEquals("[1]", sxs.interpreter.run(call, root).toString());
        assertEquals("[10]", sxs.interpreter.run(call, task).toString());
        sxs.eval("(core/fn/def f () {2})");
        assertEquals("[2]", sxs.interpreter.run(call, root).toString());
        sxs.eval("(core/fn/del f)");
        assertEquals("[@\"core/fn/call: no function 'f'\"]", sxs.interpreter.run(call, root).toString());
        assertEquals("[10]", sxs.interpreter.run(call, task).toString());
    }

    @Test
    void shouldListTheFunctionsOfTheScope()
    {
        assertEquals("[]", sxs.eval("(core/fn/list)"));
        sxs.eval("(core/fn/def b () {}) (core/fn/def a (x) {$x})");
        sxs.evalIn("task:1:", "(core/fn/def c () {})");
        assertEquals("[a b]\n[c]", sxs.eval("(core/fn/list)") + "\n" + sxs.evalIn("task:1:", "(core/fn/list)"));
        assertEquals("@\"core/fn/list: expects nothing\"", sxs.eval("(core/fn/list x)"));
    }

    @Test
    void shouldKeepFunctionsInTheCallersScope()
    {
        sxs.evalIn("task:1:", "(core/fn/def hello () {\"from task 1\"})");
        assertEquals("\"from task 1\"", sxs.evalIn("task:1:", "(core/fn/call hello)"));
        assertEquals("@\"core/fn/call: no function 'hello'\"", sxs.evalIn("task:2:", "(core/fn/call hello)"));
        assertEquals("@\"core/fn/call: no function 'hello'\"", sxs.eval("(core/fn/call hello)"));
        assertNotNull(sxs.root.get("task:1:\u0000fn:hello"));
    }

    @Test
    void shouldKeepTheStoredFunctionOutOfReachOfTheKeyCommands()
    {
        sxs.eval("(core/kv/set a 1) (core/fn/def f () {1})");
        sxs.evalIn("task:1:", "(core/fn/def g () {2}) (core/kv/set b 2)");
        assertEquals("[() {1}]", sxs.root.get("\u0000fn:f"));
        assertEquals("2", sxs.eval("(core/kv/iterate \"\" 0 100 {(core/util/log $key)})"));
        assertEquals("[a, task:1:b]", sxs.log.toString());
        assertEquals("1", sxs.eval("(core/kv/iterate \"\" 1 100 {})"));
        assertEquals("1", sxs.evalIn("task:1:", "(core/kv/iterate \"\" 0 100 {})"));
        final String refused =
            "@\"core/kv/get: KEY must not contain the character U+0000 (reserved for sxs's own keys)\"";
        assertEquals(refused, sxs.eval("(core/kv/get \"\u0000fn:f\")"));
        assertEquals("@\"core/kv/set: KEY must not contain the character U+0000 (reserved for sxs's own keys)\"",
            sxs.eval("(core/kv/set \"task:1:\u0000fn:g\" 1)"));
        assertEquals(
            "@\"core/kv/iterate: PREFIX must not contain the character U+0000 (reserved for sxs's own keys)\"",
            sxs.eval("(core/kv/iterate \"\u0000\" 0 10 {})"));
        assertEquals("2", sxs.evalIn("task:1:", "(core/fn/call g)"));
    }

    @Test
    void shouldRejectBadDefinitionsAndCalls()
    {
        assertEquals(String.join("\n",
                "@\"core/fn/def: expects NAME (PARAM ...) {BODY}\"",
                "@\"core/fn/def: expects NAME (PARAM ...) {BODY}\"",
                "@\"core/fn/def: NAME must be a symbol or a string, got 1.5\"",
                "@\"core/fn/def: PARAMS must be a list of symbols such as (a b), got x\"",
                "@\"core/fn/def: PARAM must be a symbol, got 1\"",
                "@\"core/fn/def: PARAM 'a' appears twice\"",
                "@\"core/fn/def: PARAM 'data' is reserved: $data is a built-in binding\"",
                "@\"core/fn/call: expects NAME ARG ...\"",
                "@\"core/fn/call: NAME must be a symbol or a string, got 1\"",
                "@\"core/fn/del: NAME must not be empty\"",
                "@\"core/fn/del: expects NAME\""),
            sxs.eval("""
                (core/fn/def f (a))
                (core/fn/def f (a) (core/kv/get a))
                (core/fn/def 1.5 () {})
                (core/fn/def f x {})
                (core/fn/def f (1) {})
                (core/fn/def f (a $a) {})
                (core/fn/def f (data) {})
                (core/fn/call)
                (core/fn/call 1)
                (core/fn/del "")
                (core/fn/del)
                """));
        sxs.eval("(core/fn/def two (a b) {$a})");
        assertEquals("@\"core/fn/call: 'two' expects 2 arguments (a b), got 1\"\n@\"key not found: n\"",
            sxs.eval("(core/fn/call two 1) (core/fn/call two 1 (core/kv/get n))"));
    }

    @Test
    void shouldCallAFunctionFromAHandler() throws Exception
    {
        sxs.evalIn("shop:", """
            (core/fn/def route (amount) {(core/expr/if (core/expr/gt $amount 1000) big small)})
            (core/event/sub A 5 {(core/kv/set (core/str/concat "routed:" (core/fn/call route $data)) $data)})
            (core/event/pub A 5 2500)
            """);
        assertEquals(true, sxs.runtime.dispatcher().drain(10_000));
        assertEquals("2500", sxs.root.get("shop:routed:big"));
    }

    @Test
    void shouldSurviveARestartOfTheStore(@TempDir final Path dir) throws Exception
    {
        final KvOptions options = KvOptions.inMemory(1000).withFolder(dir);
        try (KvStore store = ChronicleKvStore.open(options))
        {
            final Session session = Session.create("t:", store.scoped("t:"), LogSink.STDERR);
            final List<Value> values =
                interpreter().eval("(core/fn/def greet (who) {(core/str/concat \"hello \" $who)})", session);
            assertEquals("[true]", values.toString());
        }
        try (KvStore store = ChronicleKvStore.open(options))
        {
            final Session session = Session.create("t:", store.scoped("t:"), LogSink.STDERR);
            assertEquals("[\"hello sxs\", [greet]]",
                interpreter().eval("(core/fn/call greet sxs) (core/fn/list)", session).toString());
        }
    }

    private static Interpreter interpreter()
    {
        return new Interpreter(CoreCommands.registerAll(new CommandRegistry()), new Services(),
            BudgetOptions.defaults());
    }

    @Test
    void shouldReadEveryConfiguredBudgetOption()
    {
        try (Sxs small = new Sxs(Map.of("budget.size", "3")))
        {
            assertEquals("[1 2 3]\n@\"budget exceeded: a value of more than 3 items or characters\"",
                small.eval("(core/list/new 1 2 3) (core/list/new 1 2 3 4)"));
        }
    }
}
