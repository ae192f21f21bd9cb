package dev.sxs.lang;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The commands users also expect beside those the issue names: core/expr/ne, core/math/min max abs,
 * core/str/upper lower trim num, core/list/append; each happy path and each error.
 */
class MoreCommandsTest
{
    private final Sxs sxs = new Sxs();

    @AfterEach
    void close()
    {
        sxs.close();
    }

    @Test
    void shouldTellDifferentValuesWithNe()
    {
        assertEquals("true\nfalse\ntrue\n@\"core/expr/ne: expects A B\"\n@\"key not found: n\"",
            sxs.eval("(core/expr/ne 5 \"5\") (core/expr/ne 'a 'a) (core/expr/ne 1 1.0) (core/expr/ne 1) "
                + "(core/expr/ne (core/kv/get n) 1)"));
    }

    @Test
    void shouldPickTheSmallestAndLargestNumber()
    {
        assertEquals("1\n3.5\n-2\n2\n7\n##NaN", sxs.eval("""
            (core/math/min 3 1 2)
            (core/math/max 3 3.5 2)
            (core/math/min -2 -2.0)
            (core/math/max 2 2.0)
            (core/math/min 7)
            (core/math/max 1 ##NaN 3)
            """));
        assertEquals("@\"core/math/min: expects A ...\"\n@\"core/math/max: argument 2 must be a number, got x\"",
            sxs.eval("(core/math/min) (core/math/max 1 x)"));
    }

    @Test
    void shouldGiveTheMagnitudeWithAbs()
    {
        assertEquals("5\n5\n2.5\n@\"core/math/abs: integer overflow: abs -9223372036854775808\"\n"
                + "@\"core/math/abs: A must be a number, got \\\"1\\\"\"\n@\"core/math/abs: expects A\"",
            sxs.eval("(core/math/abs -5) (core/math/abs 5) (core/math/abs -2.5) "
                + "(core/math/abs -9223372036854775808) (core/math/abs \"1\") (core/math/abs)"));
    }

    @Test
    void shouldChangeCaseAndTrim()
    {
        assertEquals("\"ORDER-7 É\"\n\"order-7 é\"\n\"a b\"",
            sxs.eval("(core/str/upper \"order-7 é\") (core/str/lower \"ORDER-7 É\") (core/str/trim \"  a b\\t\\n\")"));
        assertEquals("@\"core/str/upper: S must be a string, got 1\"\n@\"core/str/trim: expects S\"",
            sxs.eval("(core/str/upper 1) (core/str/trim)"));
    }

    @Test
    void shouldReadANumberFromAString()
    {
        assertEquals("42\n-2500.0\n7\n@\"core/str/num: S is not a number: \\\"4 2\\\"\"\n"
                + "@\"core/str/num: S is not a number: \\\"abc\\\"\"\n@\"core/str/num: S is not a number: \\\"\\\"\"\n"
                + "@\"core/str/num: S must be a string, got 42\"",
            sxs.eval("(core/str/num \"42\") (core/str/num \" -2.5e3 \") (core/str/num (core/list/nth "
                + "(core/str/split \"o-1,7\" \",\") 1)) (core/str/num \"4 2\") (core/str/num \"abc\") "
                + "(core/str/num \"\") (core/str/num 42)"));
        assertEquals("@\"core/str/num: S is not a number: \\\"" + "(".repeat(40) + "...\\\"\"",
            sxs.eval("(core/str/num \"" + "(".repeat(2000) + "\")"));
    }

    @Test
    void shouldAppendToANewList()
    {
        assertEquals("true\n[1 2 3 \"x\"]\n[1 2]\n[a]\n[]", sxs.eval("""
            (core/kv/set l (core/list/new 1 2))
            (core/list/append (core/kv/get l) 3 "x")
            (core/kv/get l)
            (core/list/append '(a))
            (core/list/append (core/list/new))
            """));
        assertEquals("@\"core/list/append: expects L A ...\"\n@\"core/list/append: L must be a list, got 1\"\n"
                + "@\"key not found: n\"",
            sxs.eval("(core/list/append) (core/list/append 1 2) (core/list/append '[] (core/kv/get n))"));
    }

    @Test
    void shouldBoundAListGrownByAppendInALoop()
    {
        sxs.eval("(core/fn/def grow (l) {(core/fn/call grow (core/list/append $l " + "1 ".repeat(1000) + "))})");
        assertEquals("@\"budget exceeded: a value of more than 100000 items or characters\"",
            sxs.eval("(core/fn/call grow (core/list/new))"));
    }
}
