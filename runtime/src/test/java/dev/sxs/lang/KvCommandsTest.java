package dev.sxs.lang;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class KvCommandsTest
{
    private final Sxs sxs = new Sxs();

    @AfterEach
    void close()
    {
        sxs.close();
    }

    @Test
    void shouldSetAndGetKeepingTypes()
    {
        assertEquals("true\ntrue\ntrue\ntrue\ntrue\ntrue", sxs.eval("""
            (core/kv/set counter 5)
            (core/kv/set name "Alice")
            (core/kv/set pi 3.14)
            (core/kv/set flag true)
            (core/kv/set list '(a "b" [1 2.5] {c}))
            (core/kv/set text "say \\"hi\\"\\n")
            """));
        assertEquals("5\n\"Alice\"\n3.14\ntrue\n(a \"b\" [1 2.5] {c})\n\"say \\\"hi\\\"\\n\"",
            sxs.eval("(core/kv/get counter) (core/kv/get name) (core/kv/get pi) (core/kv/get flag) (core/kv/get list) "
                + "(core/kv/get text)"));
        assertEquals("5", sxs.root.get("counter"));
        assertEquals("\"Alice\"", sxs.root.get("name"));
    }

    @Test
    void shouldDistinguishIntegerFromStringValues()
    {
        sxs.eval("(core/kv/set a 5) (core/kv/set b \"5\")");
        assertEquals("5\n\"5\"\nfalse\ntrue",
            sxs.eval("(core/kv/get a) (core/kv/get b) (core/kv/cas a \"5\" 6) (core/kv/cas b \"5\" 6)"));
    }

    @Test
    void shouldOverwriteOnSet()
    {
        assertEquals("true\ntrue\n2", sxs.eval("(core/kv/set k 1) (core/kv/set k 2) (core/kv/get k)"));
    }

    @Test
    void shouldAcceptEveryKeyForm()
    {
        sxs.eval("(core/kv/set sym 1) (core/kv/set \"str key\" 2) (core/kv/set 42 3) (core/kv/set (core/kv/get "
            + "keyname) 4)");
        assertEquals("1\n2\n3", sxs.eval("(core/kv/get sym) (core/kv/get \"str key\") (core/kv/get \"42\")"));
        assertEquals("@\"key not found: keyname\"", sxs.eval("(core/kv/get keyname)"));
        sxs.eval("(core/kv/set keyname target) (core/kv/set (core/kv/get keyname) 9)");
        assertEquals("9\n9", sxs.eval("(core/kv/get target) (core/kv/get (core/kv/get keyname))"));
    }

    @Test
    void shouldRejectBadKeys()
    {
        assertEquals("@\"core/kv/set: KEY must be a string, symbol or integer, got 1.5\"",
            sxs.eval("(core/kv/set 1.5 1)"));
        assertEquals("@\"core/kv/get: KEY must be a string, symbol or integer, got [a]\"",
            sxs.eval("(core/kv/get (core/list/new a))"));
        assertEquals("@\"core/kv/del: KEY must be a string, symbol or integer, got {a}\"",
            sxs.eval("(core/kv/del {a})"));
        assertEquals("@\"core/kv/exists: KEY must not be empty\"", sxs.eval("(core/kv/exists \"\")"));
    }

    @Test
    void shouldReportMissingKeys()
    {
        assertEquals("@\"key not found: nope\"\n@\"key not found: a b\"",
            sxs.eval("(core/kv/get nope) (core/kv/get \"a b\")"));
    }

    @Test
    void shouldCheckArity()
    {
        assertEquals(String.join("\n",
                "@\"core/kv/set: expects KEY VALUE\"",
                "@\"core/kv/set: expects KEY VALUE\"",
                "@\"core/kv/get: expects KEY\"",
                "@\"core/kv/del: expects KEY\"",
                "@\"core/kv/exists: expects KEY\"",
                "@\"core/kv/snx: expects KEY VALUE\"",
                "@\"core/kv/cas: expects KEY EXPECTED NEW\"",
                "@\"core/kv/incr: expects KEY [DELTA]\"",
                "@\"core/kv/incr: expects KEY [DELTA]\"",
                "@\"core/kv/iterate: expects PREFIX OFFSET LIMIT {BODY}\"",
                "@\"core/kv/iterate: expects PREFIX OFFSET LIMIT {BODY}\"",
                "@\"core/expr/eval: expects TEXT\"",
                "@\"core/util/now: expects no arguments\""),
            sxs.eval("""
                (core/kv/set k) (core/kv/set k 1 2) (core/kv/get) (core/kv/del a b) (core/kv/exists)
                (core/kv/snx k) (core/kv/cas k 1) (core/kv/incr) (core/kv/incr k 1 2)
                (core/kv/iterate "" 0 10) (core/kv/iterate "" 0 10 (core/util/now))
                (core/expr/eval) (core/util/now 1)
                """));
    }

    @Test
    void shouldPropagateArgumentErrorsWithoutSideEffects()
    {
        assertEquals("@\"key not found: missing\"", sxs.eval("(core/kv/set k (core/kv/get missing))"));
        assertEquals("false", sxs.eval("(core/kv/exists k)"));
        assertEquals("@\"key not found: missing\"", sxs.eval("(core/kv/set (core/kv/get missing) 1)"));
        assertEquals("@\"key not found: missing\"", sxs.eval("(core/kv/snx k (core/kv/get missing))"));
        assertEquals("@\"key not found: missing\"", sxs.eval("(core/kv/incr k (core/kv/get missing))"));
        assertEquals("@\"unknown command 'nope'\"", sxs.eval("(core/kv/del (nope))"));
        assertEquals("false", sxs.eval("(core/kv/exists k)"));
        assertEquals(0, sxs.root.size());
    }

    @Test
    void shouldRefuseToStoreErrors()
    {
        assertEquals("@\"core/kv/set: cannot store an error\"", sxs.eval("(core/kv/set k @\"boom\")"));
        assertEquals("@\"core/kv/set: cannot store an error\"", sxs.eval("(core/kv/set k '@\"boom\")"));
        assertEquals("@\"core/kv/set: cannot store an error\"", sxs.eval("(core/kv/set k '(a @\"boom\"))"));
        assertEquals("@\"core/kv/snx: cannot store an error\"", sxs.eval("(core/kv/snx k @boom)"));
        sxs.eval("(core/kv/set k 1)");
        assertEquals("@\"core/kv/cas: cannot store an error\"", sxs.eval("(core/kv/cas k 1 @boom)"));
        assertEquals("1", sxs.eval("(core/kv/get k)"));
    }

    @Test
    void shouldDeleteAndTestExistence()
    {
        assertEquals("true\ntrue\ntrue\nfalse\nfalse",
            sxs.eval("(core/kv/set k 1) (core/kv/exists k) (core/kv/del k) (core/kv/del k) (core/kv/exists k)"));
        assertNull(sxs.root.get("k"));
    }

    @Test
    void shouldSetIfAbsentOnlyOnce()
    {
        assertEquals("true\nfalse\n\"first\"",
            sxs.eval("(core/kv/snx k \"first\") (core/kv/snx k \"second\") (core/kv/get k)"));
    }

    @Test
    void shouldCompareAndSwapOnCanonicalForms()
    {
        assertEquals("false", sxs.eval("(core/kv/cas temp \"waiting\" \"running\")"));
        assertEquals("false", sxs.eval("(core/kv/exists temp)"));
        sxs.eval("(core/kv/set temp \"waiting\")");
        assertEquals("true\n\"running\"\nfalse",
            sxs.eval("(core/kv/cas temp \"waiting\" \"running\") (core/kv/get temp) (core/kv/cas temp \"waiting\" "
                + "\"x\")"));
        sxs.eval("(core/kv/set r 2.50) (core/kv/set l '(a  b))");
        assertEquals("true\ntrue", sxs.eval("(core/kv/cas r 2.5 3) (core/kv/cas l '(a b) '[c])"));
        assertEquals("[c]", sxs.eval("(core/kv/get l)"));
    }

    @Test
    void shouldIncrementIntegers()
    {
        assertEquals("1\n2\n12\n2\n-8",
            sxs.eval("(core/kv/incr c) (core/kv/incr c) (core/kv/incr c 10) (core/kv/incr c -10) (core/kv/incr d -8)"));
        assertEquals("2", sxs.root.get("c"));
    }

    @Test
    void shouldRejectIncrementOfNonIntegers()
    {
        sxs.eval("(core/kv/set s \"5\") (core/kv/set r 1.5)");
        assertEquals("@\"core/kv/incr: value of 's' is not an integer: \\\"5\\\"\"\n@\"core/kv/incr: value of 'r' is "
            + "not an integer: 1.5\"",
            sxs.eval("(core/kv/incr s) (core/kv/incr r)"));
        assertEquals("@\"core/kv/incr: DELTA must be an integer, got 1.0\"", sxs.eval("(core/kv/incr c 1.0)"));
        assertEquals("\"5\"", sxs.eval("(core/kv/get s)"));
    }

    @Test
    void shouldReportIntegerOverflow()
    {
        sxs.eval("(core/kv/set big 9223372036854775807) (core/kv/set small -9223372036854775808)");
        assertEquals("@\"core/kv/incr: integer overflow: 9223372036854775807 + 1\"\n@\"core/kv/incr: integer overflow: "
            + "-9223372036854775808 + -1\"",
            sxs.eval("(core/kv/incr big) (core/kv/incr small -1)"));
        assertEquals("9223372036854775807", sxs.eval("(core/kv/get big)"));
    }

    @Test
    void shouldIterateInByteOrderWithOffsetAndLimit()
    {
        sxs.eval("(core/kv/set user:2 b) (core/kv/set user:1 a) (core/kv/set user:10 c) (core/kv/set other x) "
            + "(core/kv/set \"user:é\" d) (core/kv/set user:Z e)");
        assertEquals("5", sxs.eval(
            "(core/kv/iterate \"user:\" 0 100 { (core/util/log \"Variable:\" $key (core/kv/get $key)) })"));
        assertEquals("[Variable: user:1 a, Variable: user:10 c, Variable: user:2 b, Variable: user:Z e, Variable: "
            + "user:é d]", sxs.log.toString());
        sxs.log.clear();
        assertEquals("2", sxs.eval("(core/kv/iterate user: 1 2 { (core/util/log $key) })"));
        assertEquals("[user:10, user:2]", sxs.log.toString());
        assertEquals("6\n0\n0",
            sxs.eval("(core/kv/iterate \"\" 0 100 {}) (core/kv/iterate user: 10 100 {}) (core/kv/iterate user: 0 0 "
                + "{})"));
    }

    @Test
    void shouldBindKeyAsStringAndRestoreIt()
    {
        sxs.eval("(core/kv/set a:1 1) (core/kv/set b:1 1) (core/kv/set b:2 1)");
        assertEquals("1\n$key",
            sxs.eval("(core/kv/iterate a: 0 10 { (core/kv/iterate b: 0 10 { (core/kv/set (core/expr/eval \"$key\") "
                + "$key) }) }) $key"));
        assertEquals("\"b:1\"\n\"b:2\"", sxs.eval("(core/kv/get b:1) (core/kv/get b:2)"));
        assertEquals("1", sxs.eval("(core/kv/iterate a: 0 10 { (core/kv/set seen $key) })"));
        assertEquals("\"a:1\"", sxs.eval("(core/kv/get seen)"));
    }

    @Test
    void shouldLetIterationBodyDeleteAndAddKeys()
    {
        sxs.eval("(core/kv/set stack:2:a 1) (core/kv/set stack:2:b 2) (core/kv/set stack:2:c 3) (core/kv/set stack:3:a "
            + "4)");
        assertEquals("3", sxs.eval(
            "(core/kv/iterate \"stack:2:\" 0 100 { (core/kv/del $key) (core/kv/set \"stack:2:zz\" 0) })"));
        assertEquals("false\nfalse\ntrue\ntrue",
            sxs.eval("(core/kv/exists stack:2:a) (core/kv/exists stack:2:c) (core/kv/exists stack:2:zz) "
                + "(core/kv/exists stack:3:a)"));
    }

    @Test
    void shouldStopIterationAtFirstBodyError()
    {
        sxs.eval("(core/kv/set k:1 1) (core/kv/set k:2 \"x\") (core/kv/set k:3 3)");
        assertEquals("@\"core/kv/incr: value of 'k:2' is not an integer: \\\"x\\\"\"",
            sxs.eval("(core/kv/iterate k: 0 10 { (core/kv/incr $key) })"));
        assertEquals("2\n\"x\"\n3", sxs.eval("(core/kv/get k:1) (core/kv/get k:2) (core/kv/get k:3)"));
    }

    @Test
    void shouldValidateIterationArguments()
    {
        assertEquals(String.join("\n",
                "@\"core/kv/iterate: PREFIX must be a string, symbol or integer, got 1.5\"",
                "@\"core/kv/iterate: OFFSET must be an integer >= 0, got -1\"",
                "@\"core/kv/iterate: OFFSET must be an integer >= 0, got \\\"0\\\"\"",
                "@\"core/kv/iterate: LIMIT must be an integer >= 0, got -5\"",
                "@\"key not found: p\""),
            sxs.eval("""
                (core/kv/iterate 1.5 0 1 {}) (core/kv/iterate "" -1 1 {}) (core/kv/iterate "" "0" 1 {})
                (core/kv/iterate "" 0 -5 {}) (core/kv/iterate (core/kv/get p) 0 1 {})
                """));
    }

    @Test
    void shouldLogDisplayForms()
    {
        assertEquals("true\ntrue\ntrue",
            sxs.eval("(core/util/log \"Received request:\" \"x\" 42 'sym (core/list/new \"q\" 1.5)) (core/util/log) "
                + "(core/util/log $CHANNEL_B)"));
        assertEquals("[Received request: x 42 sym [\"q\" 1.5], , B]", sxs.log.toString());
        assertEquals("@\"key not found: z\"", sxs.eval("(core/util/log \"a\" (core/kv/get z))"));
        assertEquals(3, sxs.log.size());
    }

    @Test
    void shouldGiveWallClockTime()
    {
        final long before = System.currentTimeMillis();
        final long now = ((IntValue)Reader.readOne(sxs.eval("(core/util/now)"))).value();
        final long after = System.currentTimeMillis();
        assertEquals(true, now >= before && now <= after, before + " <= " + now + " <= " + after);
    }

    @Test
    void shouldEvaluateTextInCallersContext()
    {
        assertEquals("3\n\"x\"\n()",
            sxs.eval("(core/expr/eval \"(core/kv/set a 1) (core/kv/incr a 2)\") (core/expr/eval \"\\\"x\\\"\") "
                + "(core/expr/eval \"\")"));
        sxs.eval("(core/kv/set code \"(core/kv/incr a)\")");
        assertEquals("4", sxs.eval("(core/expr/eval (core/kv/get code))"));
        assertEquals("@\"read error at 1:1: unclosed '('\"", sxs.eval("(core/expr/eval \"(core/kv/get a\")"));
        assertEquals("@\"key not found: q\"\n4",
            sxs.eval("(core/expr/eval \"(core/kv/get q) (core/kv/incr a)\") (core/kv/get a)"));
        assertEquals("@\"core/expr/eval: TEXT must be a string, got 5\"", sxs.eval("(core/expr/eval 5)"));
        sxs.eval("(core/kv/set it:1 1)");
        assertEquals("1\n\"it:1\"",
            sxs.eval("(core/kv/iterate it: 0 1 { (core/kv/set last (core/expr/eval \"$key\")) }) (core/kv/get last)"));
    }
}
