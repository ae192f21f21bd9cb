package dev.sxs.lang;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * core/math/add, sub, mul, div, mod: integers stay integers, reals spread, overflow and division by zero
 * are error values naming the command.
 */
class MathCommandsTest
{
    private final Sxs sxs = new Sxs();

    @AfterEach
    void close()
    {
        sxs.close();
    }

    @Test
    void shouldAddSubtractAndMultiplyIntegers()
    {
        assertEquals("6\n0\n7\n4\n-5\n24\n1\n1000000000000", sxs.eval("""
            (core/math/add 1 2 3)
            (core/math/add)
            (core/math/add 7)
            (core/math/sub 10 4 2)
            (core/math/sub 5)
            (core/math/mul 2 3 4)
            (core/math/mul)
            (core/math/mul 1000000 1000000)
            """));
    }

    @Test
    void shouldMakeTheResultRealWhenAnOperandIsReal()
    {
        assertEquals("3.5\n0.5\n5.0\n2.5\n-1.5\n1.5", sxs.eval("""
            (core/math/add 1 2.5)
            (core/math/sub 1.5 1)
            (core/math/mul 2 2.5)
            (core/math/div 5 2.0)
            (core/math/sub 1.5)
            (core/math/mod 7.5 2)
            """));
    }

    @Test
    void shouldTruncateIntegerDivisionAndKeepTheDividendsSignInMod()
    {
        assertEquals("3\n-3\n2\n1\n-1\n1", sxs.eval("""
            (core/math/div 7 2)
            (core/math/div -7 2)
            (core/math/div 100 10 5)
            (core/math/mod 7 2)
            (core/math/mod -7 2)
            (core/math/mod 7 -2)
            """));
    }

    @Test
    void shouldReportOverflowAsAnErrorValue()
    {
        assertEquals("@\"core/math/add: integer overflow: 9223372036854775807 + 1\"\n"
                + "@\"core/math/sub: integer overflow: -9223372036854775808 - 1\"\n"
                + "@\"core/math/mul: integer overflow: 4611686018427387904 * 2\"\n"
                + "@\"core/math/div: integer overflow: -9223372036854775808 / -1\"\n"
                + "@\"core/math/sub: integer overflow: - -9223372036854775808\"",
            sxs.eval("(core/math/add 9223372036854775807 1) (core/math/sub -9223372036854775808 1) "
                + "(core/math/mul 4611686018427387904 2) (core/math/div -9223372036854775808 -1) "
                + "(core/math/sub -9223372036854775808)"));
    }

    @Test
    void shouldReportDivisionByZeroAsAnErrorValue()
    {
        assertEquals("@\"core/math/div: division by zero\"\n@\"core/math/div: division by zero\"\n"
                + "@\"core/math/mod: division by zero\"\n@\"core/math/mod: division by zero\"",
            sxs.eval("(core/math/div 1 0) (core/math/div 1.5 0.0) (core/math/mod 1 0) (core/math/mod 2.5 0)"));
    }

    @Test
    void shouldNameTheArgumentThatIsNotANumber()
    {
        assertEquals("@\"core/math/add: argument 2 must be a number, got \\\"2\\\"\"\n"
                + "@\"core/math/sub: argument 1 must be a number, got x\"\n"
                + "@\"core/math/mul: argument 3 must be a number, got [1]\"\n"
                + "@\"core/math/div: argument 2 must be a number, got true\"",
            sxs.eval("(core/math/add 1 \"2\") (core/math/sub x 1) (core/math/mul 1 2.0 '[1]) (core/math/div 1 true)"));
    }

    @Test
    void shouldCheckTheNumberOfArguments()
    {
        assertEquals("@\"core/math/sub: expects A ...\"\n@\"core/math/div: expects A B ...\"\n"
                + "@\"core/math/mod: expects A B\"\n@\"core/math/mod: expects A B\"",
            sxs.eval("(core/math/sub) (core/math/div 1) (core/math/mod 1) (core/math/mod 1 2 3)"));
    }

    @Test
    void shouldPropagateErrorsOfArguments()
    {
        assertEquals("@\"key not found: n\"\n@\"key not found: n\"",
            sxs.eval("(core/math/add 1 (core/kv/get n)) (core/math/mod (core/kv/get n) 1)"));
    }
}
