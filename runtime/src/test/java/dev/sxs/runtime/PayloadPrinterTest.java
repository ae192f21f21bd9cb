package dev.sxs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import dev.sxs.journal.PayloadBuffer;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.RealValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import org.junit.jupiter.api.Test;

/**
 * The journal's printer writes exactly the language's canonical form, so records read back, print and compare
 * as before.
 */
class PayloadPrinterTest
{
    private static String printed(final Value value)
    {
        final PayloadBuffer out = new PayloadBuffer();
        PayloadPrinter.print(value, out);
        return out.toString();
    }

    @Test
    void shouldPrintEveryKindOfValueAsThePrinterDoes()
    {
        final List<Value> values = new ArrayList<>(List.of(
            IntValue.of(0), IntValue.of(-1), IntValue.of(42), IntValue.of(Long.MAX_VALUE), IntValue.of(Long.MIN_VALUE),
            IntValue.of(1_000_000_000_000L), new StrValue(""), new StrValue("plain"),
            new StrValue("q\"uo\\te\nnl\ttab\rcr"), new StrValue("héllo wörld"), new StrValue("中文 €"),
            new StrValue("emoji \uD83D\uDE00 and a lone \uD800 surrogate"), new SymValue("order"), SymValue.TRUE,
            new SymValue("null"), new ErrorValue("java.lang.IllegalStateException: \"bad\"\n"),
            new ListValue(ListKind.CALL, List.of()), new ListValue(ListKind.SEQUENCE, List.of(IntValue.of(1))),
            new ListValue(ListKind.BLOCK, List.of(new SymValue("a"), new StrValue("b"))),
            new ListValue(ListKind.CALL, List.of(new SymValue("quote"), new SymValue("x"))),
            new ListValue(ListKind.CALL, List.of(new SymValue("quote"), new SymValue("x"), new SymValue("y"))),
            new ListValue(ListKind.SEQUENCE, List.of(new SymValue("quote"), new SymValue("x")))));
        final double[] reals = {0.0, -0.0, 1.0, -1.0, 12.5, 0.125, 0.001, 0.0005, 999_999.0, 1_000_000.0, 1e7, 1e-7,
            123.456, 0.1 + 0.2, Math.PI, -2.75, 1e300, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 99_999.999, 0.999};
        for (final double d : reals)
        {
            values.add(new RealValue(d));
        }
        values.add(new ListValue(ListKind.CALL, List.copyOf(values)));
        values.add(new ListValue(ListKind.CALL, List.of(new SymValue("quote"), new ListValue(ListKind.SEQUENCE,
            List.copyOf(values)))));
        for (final Value v : values)
        {
            assertEquals(Printer.print(v), printed(v), "printing " + Printer.print(v));
        }
    }

    @Test
    void shouldPrintEveryRealOfTheFastRangeAsDoubleToStringDoes()
    {
        final PayloadBuffer out = new PayloadBuffer();
        final double[] powers = {1, 10, 100, 1000};
        int checked = 0;
        for (int k = 0; k <= PayloadPrinter.FAST_FRACTION_DIGITS; k++)
        {
            for (long m = -PayloadPrinter.FAST_DIGITS_BOUND + 1; m < PayloadPrinter.FAST_DIGITS_BOUND; m++)
            {
                final double d = m / powers[k];
                out.clear();
                PayloadPrinter.print(new RealValue(d), out);
                final String expected = Double.toString(d);
                if (out.length() != expected.length() || !out.toString().equals(expected))
                {
                    assertEquals(expected, out.toString(), "the real " + m + "/10^" + k);
                }
                checked++;
            }
        }
        assertEquals(4 * (2 * PayloadPrinter.FAST_DIGITS_BOUND - 1), checked);
    }
}
