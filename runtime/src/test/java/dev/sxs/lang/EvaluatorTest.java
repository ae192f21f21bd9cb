package dev.sxs.lang;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest
{
    private final Sxs sxs = new Sxs();

    @AfterEach
    void close()
    {
        sxs.close();
    }

    @Test
    void shouldEvaluateLiteralsToThemselves()
    {
        assertEquals("42\n-7\n3.14\n\"hi\"\n##Inf", sxs.eval("42 -7 3.14 \"hi\" ##Inf"));
    }

    @Test
    void shouldEvaluateUnboundSymbolsToThemselves()
    {
        assertEquals("user:1:name\ntrue\nfalse\n$key\n$data\n$channel\n$topic\n$CHANNEL_G",
            sxs.eval("user:1:name true false $key $data $channel $topic $CHANNEL_G"));
    }

    @Test
    void shouldEvaluateChannelConstantsToChannelSymbols()
    {
        assertEquals("A\nB\nC\nD\nE\nF", sxs.eval("$CHANNEL_A $CHANNEL_B $CHANNEL_C $CHANNEL_D $CHANNEL_E $CHANNEL_F"));
    }

    @Test
    void shouldEvaluateBlocksToThemselvesUnevaluated()
    {
        assertEquals("{(core/kv/set k 1) $key}", sxs.eval("{(core/kv/set k 1) $key}"));
        assertEquals("false", sxs.eval("(core/kv/exists k)"));
    }

    @Test
    void shouldEvaluateQuoteToTheFormItself()
    {
        assertEquals("(core/kv/set k 1)\nx\n'x\n[$key (a)]", sxs.eval("'(core/kv/set k 1) 'x ''x '[$key (a)]"));
        assertEquals("false", sxs.eval("(core/kv/exists k)"));
        assertEquals("x", sxs.eval("(quote x)"));
        assertEquals("@\"quote: expects exactly one form\"\n@\"quote: expects exactly one form\"",
            sxs.eval("(quote) (quote a b)"));
    }

    @Test
    void shouldEvaluateSequencesInOrderGivingTheLastValue()
    {
        assertEquals("x", sxs.eval("[1 (core/kv/set k 1) (core/kv/get k) x]"));
        assertEquals("2", sxs.eval("[(core/kv/set k 2) (core/kv/get k)]"));
        assertEquals("()", sxs.eval("[]"));
        assertEquals("\"a\"", sxs.eval("[[1] \"a\"]"));
        assertEquals("[1 true 1 x]", sxs.eval("(core/list/new 1 (core/kv/set k 1) (core/kv/get k) x)"));
        assertEquals("[1 2]", sxs.eval("'[1 2]"));
    }

    @Test
    void shouldStopSequenceAtFirstError()
    {
        assertEquals("@\"key not found: nope\"", sxs.eval("[(core/kv/set a 1) (core/kv/get nope) (core/kv/set b 2)]"));
        assertEquals("true\nfalse", sxs.eval("(core/kv/exists a) (core/kv/exists b)"));
    }

    @Test
    void shouldEvaluateErrorLiteralsToErrors()
    {
        assertEquals("@\"boom\"\n@\"oops\"", sxs.eval("@\"boom\" @oops"));
    }

    @Test
    void shouldReportUnknownCommands()
    {
        assertEquals("@\"unknown command 'no/such'\"", sxs.eval("(no/such 1 2)"));
        assertEquals("@\"unknown command '5'\"", sxs.eval("(5 a)"));
        assertEquals("@\"unknown command '\\\"str\\\"'\"", sxs.eval("(\"str\")"));
        assertEquals("@\"unknown command '(a)'\"", sxs.eval("((a) b)"));
        assertEquals("@\"unknown command '$key'\"", sxs.eval("($key)"));
    }

    @Test
    void shouldNotEvaluateArgumentsOfUnknownCommands()
    {
        assertEquals("@\"unknown command 'nope'\"\nfalse", sxs.eval("(nope (core/kv/set k 1)) (core/kv/exists k)"));
    }

    @Test
    void shouldEvaluateEmptyCallToItself()
    {
        assertEquals("()", sxs.eval("()"));
    }

    @Test
    void shouldEvaluateEveryTopLevelFormEvenAfterAnError()
    {
        assertEquals("true\n@\"key not found: x\"\ntrue",
            sxs.eval("(core/kv/set a 1) (core/kv/get x) (core/kv/set b 2)"));
        assertEquals("true", sxs.eval("(core/kv/exists b)"));
    }

    @Test
    void shouldReturnReadErrorAsSingleValueAndRunNothing()
    {
        assertEquals("@\"read error at 1:19: unclosed '('\"", sxs.eval("(core/kv/set a 1) (core/kv/set b"));
        assertEquals("false", sxs.eval("(core/kv/exists a)"));
    }

    @Test
    void shouldEvaluateEmptyScriptToNoValues()
    {
        assertEquals(List.of(), sxs.runtime.eval("; nothing\n", ""));
    }

    @Test
    void shouldRegisterCommandsWithoutTouchingTheEvaluator()
    {
        sxs.interpreter.registry().register("test/twice", (args, ctx) ->
        {
            if (args.size() != 1)
            {
                return args.usage("VALUE");
            }
            final Value v = args.eval(0, ctx);
            return v.isError() ? v : new ListValue(ListKind.SEQUENCE, List.of(v, v));
        });
        assertEquals("[5 5]\n@\"test/twice: expects VALUE\"\n@\"key not found: q\"",
            sxs.eval("(test/twice 5) (test/twice) (test/twice (core/kv/get q))"));
    }

    @Test
    void shouldTurnCommandExceptionsIntoErrorValues()
    {
        sxs.interpreter.registry().register("test/throw", (args, ctx) ->
        {
            throw new IllegalStateException("bad thing");
        });
        assertEquals("@\"test/throw: internal error: java.lang.IllegalStateException: bad thing\"",
            sxs.eval("(test/throw)"));
    }

    @Test
    void shouldReachServicesFromCommands()
    {
        sxs.interpreter.services().put(StringBuilder.class, new StringBuilder("svc"));
        sxs.interpreter.registry()
            .register("test/svc", (args, ctx) -> new StrValue(ctx.service(StringBuilder.class).toString()));
        assertEquals("\"svc\"", sxs.eval("(test/svc)"));
    }

    @Test
    void shouldRunBodiesManyTimesWithBindings()
    {
        final Script script = sxs.interpreter.compile("{ (core/kv/set $data $topic) (core/kv/get $data) }");
        final ListValue block = (ListValue)script.forms().get(0);
        final Body body = sxs.interpreter.compileBody(block);
        final Context ctx = sxs.interpreter.newContext(sxs.session(""));
        for (int i = 0; i < 100; i++)
        {
            ctx.bind(Binding.DATA, new StrValue("k" + i));
            ctx.bind(Binding.TOPIC, IntValue.of(i));
            assertEquals(IntValue.of(i), body.run(ctx));
        }
        assertSame(block, body.block());
        assertEquals("99", sxs.eval("(core/kv/get k99)"));
        assertEquals(Body.NOTHING, sxs.interpreter.compileBody(new ListValue(ListKind.BLOCK, List.of())).run(ctx));
    }

    @Test
    void shouldResolveHeadsAtCompileTime()
    {
        final Script script = sxs.interpreter.compile("(test/late)");
        sxs.interpreter.registry().register("test/late", (args, ctx) -> SymValue.TRUE);
        final Context ctx = sxs.interpreter.newContext(sxs.session(""));
        assertEquals(List.of(new ErrorValue("unknown command 'test/late'")), script.run(ctx));
        assertEquals(List.of(SymValue.TRUE), sxs.interpreter.compile("(test/late)").run(ctx));
        assertTrue(sxs.interpreter.registry().names().contains("core/kv/set"));
    }

    @Test
    void shouldCacheEvalTextsButSeeNewlyRegisteredCommands()
    {
        assertEquals("@\"unknown command 'test/new'\"", sxs.eval("(core/expr/eval \"(test/new)\")"));
        assertSame(sxs.interpreter.compileCached("(test/new)"), sxs.interpreter.compileCached("(test/new)"));
        sxs.interpreter.registry().register("test/new", (args, ctx) -> IntValue.of(7));
        assertEquals("7", sxs.eval("(core/expr/eval \"(test/new)\")"));
        for (int i = 0; i < 1000; i++)
        {
            assertEquals(Integer.toString(i), sxs.eval("(core/expr/eval \"" + i + "\")"));
        }
    }
}
