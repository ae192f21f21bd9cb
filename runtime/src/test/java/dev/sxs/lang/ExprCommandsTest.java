package dev.sxs.lang;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * core/expr/if, and, or, not, eq, lt, le, gt, ge, let, while: each happy path and each error.
 */
class ExprCommandsTest
{
    private final Sxs sxs = new Sxs();

    @AfterEach
    void close()
    {
        sxs.close();
    }

    @Test
    void shouldTreatOnlyTheSymbolFalseAsFalse()
    {
        assertEquals("no\nyes\nyes\nyes\nyes\nyes", sxs.eval("""
            (core/expr/if false yes no)
            (core/expr/if true yes no)
            (core/expr/if 0 yes no)
            (core/expr/if "" yes no)
            (core/expr/if () yes no)
            (core/expr/if "false" yes no)
            """));
    }

    @Test
    void shouldEvaluateOnlyTheChosenBranchOfIf()
    {
        assertEquals("true\nfalse\nfalse\nfalse", sxs.eval("""
            (core/expr/if true (core/kv/set a 1) (core/kv/set b 2))
            (core/expr/if false (core/kv/set c 3))
            (core/kv/exists b)
            (core/kv/exists c)
            """));
        assertEquals("2", sxs.eval("(core/expr/if false {(core/kv/set x 1)} {(core/kv/set x 2) (core/kv/get x)})"));
    }

    @Test
    void shouldPropagateAnErrorInTheConditionOfIf()
    {
        assertEquals("@\"key not found: nope\"\nfalse",
            sxs.eval("(core/expr/if (core/kv/get nope) (core/kv/set t 1) (core/kv/set e 1)) (core/kv/exists e)"));
    }

    @Test
    void shouldRejectIfWithTheWrongNumberOfArguments()
    {
        assertEquals("@\"core/expr/if: expects COND THEN [ELSE]\"\n@\"core/expr/if: expects COND THEN [ELSE]\"",
            sxs.eval("(core/expr/if true) (core/expr/if true 1 2 3)"));
    }

    @Test
    void shouldShortCircuitAndAndOr()
    {
        assertEquals("true\nfalse\ntrue\nfalse\nfalse", sxs.eval("""
            (core/expr/and)
            (core/expr/and 1 false (core/kv/set a 1))
            (core/expr/and 1 2 "x")
            (core/kv/exists a)
            (core/expr/or)
            """));
        assertEquals("true\nfalse\nfalse", sxs.eval("(core/expr/or false 1 (core/kv/set b 1)) (core/kv/exists b) "
            + "(core/expr/or false false)"));
    }

    @Test
    void shouldPropagateErrorsThroughAndOrAndNot()
    {
        assertEquals("@\"key not found: n\"\n@\"key not found: n\"\n@\"key not found: n\"",
            sxs.eval("(core/expr/and true (core/kv/get n)) (core/expr/or false (core/kv/get n)) "
                + "(core/expr/not (core/kv/get n))"));
    }

    @Test
    void shouldNegateWithNot()
    {
        assertEquals("true\nfalse\nfalse\n@\"core/expr/not: expects A\"",
            sxs.eval("(core/expr/not false) (core/expr/not true) (core/expr/not 0) (core/expr/not 1 2)"));
    }

    @Test
    void shouldCompareEqualityByPrintedForm()
    {
        assertEquals("true\nfalse\nfalse\ntrue\ntrue\nfalse\ntrue", sxs.eval("""
            (core/expr/eq 5 5)
            (core/expr/eq 5 "5")
            (core/expr/eq 5 5.0)
            (core/expr/eq 2.50 2.5)
            (core/expr/eq (core/list/new 1 "a") '[1 "a"])
            (core/expr/eq '[1] '(1))
            (core/expr/eq ##NaN ##NaN)
            """));
        sxs.eval("(core/kv/set v \"waiting\")");
        assertEquals("true", sxs.eval("(core/expr/eq (core/kv/get v) \"waiting\")"));
        assertEquals("@\"core/expr/eq: expects A B\"\n@\"key not found: n\"",
            sxs.eval("(core/expr/eq 1) (core/expr/eq (core/kv/get n) 1)"));
    }

    @Test
    void shouldOrderNumbersMixingIntegersAndReals()
    {
        assertEquals("true\nfalse\ntrue\ntrue\nfalse\ntrue\ntrue\nfalse\nfalse", sxs.eval("""
            (core/expr/lt 1 2)
            (core/expr/lt 2 2)
            (core/expr/le 2 2)
            (core/expr/gt 2.5 2)
            (core/expr/ge 1 1.5)
            (core/expr/ge -1 -1.0)
            (core/expr/lt 9223372036854775806 9223372036854775807)
            (core/expr/lt ##NaN 1)
            (core/expr/ge ##NaN ##NaN)
            """));
    }

    @Test
    void shouldOrderStringsByUtf8Bytes()
    {
        assertEquals("true\ntrue\nfalse\ntrue\ntrue", sxs.eval("""
            (core/expr/lt "apple" "banana")
            (core/expr/lt "a" "ab")
            (core/expr/gt "Z" "a")
            (core/expr/lt "\uffff" "\ud83d\ude00")
            (core/expr/ge "b" "b")
            """));
    }

    @Test
    void shouldRejectComparisonsOfOtherMixes()
    {
        assertEquals("@\"core/expr/lt: B must be a number to compare with 1, got \\\"1\\\"\"\n"
                + "@\"core/expr/gt: B must be a string to compare with \\\"a\\\", got 1\"\n"
                + "@\"core/expr/le: A must be a number or a string, got sym\"\n"
                + "@\"core/expr/ge: A must be a number or a string, got [1]\"\n"
                + "@\"core/expr/lt: expects A B\"\n@\"key not found: n\"",
            sxs.eval("(core/expr/lt 1 \"1\") (core/expr/gt \"a\" 1) (core/expr/le sym 1) (core/expr/ge '[1] 1) "
                + "(core/expr/lt 1) (core/expr/lt 1 (core/kv/get n))"));
    }

    @Test
    void shouldBindALocalNameForTheBodyOfLet()
    {
        assertEquals("15\n$x\n4\n3", sxs.eval("""
            (core/expr/let x 5 {(core/math/mul $x 3)})
            $x
            (core/expr/let x 1 (core/expr/let x 2 (core/math/add $x 2)))
            (core/expr/let $y 1 {(core/expr/let z 2 {(core/math/add $y $z)})})
            """));
        assertEquals("[1 2]", sxs.eval("(core/expr/let a 1 {(core/expr/let b 2 {}) (core/list/new $a 2)})"));
    }

    @Test
    void shouldRejectBadLets()
    {
        assertEquals("@\"core/expr/let: expects NAME VALUE {BODY}\"\n"
                + "@\"core/expr/let: NAME must be a symbol, got \\\"x\\\"\"\n"
                + "@\"core/expr/let: NAME 'key' is reserved: $key is a built-in binding\"\n"
                + "@\"core/expr/let: NAME 'CHANNEL_A' is reserved: $CHANNEL_A is a built-in binding\"\n"
                + "@\"core/expr/let: NAME must not be empty\"\n"
                + "@\"key not found: n\"\n@\"key not found: m\"",
            sxs.eval("(core/expr/let x 1) (core/expr/let \"x\" 1 {}) (core/expr/let key 1 {}) "
                + "(core/expr/let CHANNEL_A 1 {}) (core/expr/let $ 1 {}) (core/expr/let x (core/kv/get n) {}) "
                + "(core/expr/let x 1 {(core/kv/get m)})"));
    }

    @Test
    void shouldLoopWhileTheConditionHolds()
    {
        assertEquals("true\n5\n5\n0", sxs.eval("""
            (core/kv/set i 0)
            (core/expr/while {(core/expr/lt (core/kv/get i) 5)} {(core/kv/incr i)})
            (core/kv/get i)
            (core/expr/while {false} {(core/kv/incr i)})
            """));
    }

    @Test
    void shouldStopWhileAtTheFirstError()
    {
        assertEquals("@\"key not found: n\"\n@\"key not found: m\"\n@\"core/expr/while: expects {COND} {BODY}\"",
            sxs.eval("(core/expr/while {(core/kv/get n)} {}) (core/expr/while {true} {(core/kv/get m)}) "
                + "(core/expr/while {true})"));
    }
}
