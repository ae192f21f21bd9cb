package dev.sxs.lang;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PrinterTest
{
    private static void assertRoundTrip(final Value value)
    {
        final String printed = Printer.print(value);
        assertEquals(value, Reader.readOne(printed), () -> "read back of " + printed);
        assertEquals(printed, Printer.print(Reader.readOne(printed)), "print is stable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "-7", "0", "9223372036854775807", "-9223372036854775808", "18.7", "1.0E10",
        "-5.67E-4", "0.5", "-0.0", "4.9E-324", "1.7976931348623157E308", "##Inf", "##-Inf", "##NaN",
        "\"hello world\"", "\"\"", "\"a\\\"b\\\\c\\nd\\te\\rf\"", "\"😀 ünï ✓\"", "\"(not a list)\"",
            "\"; nor a comment\"",
        "sym", "user:1:name", "$key", "true", "(a b c)", "[1 [2 [3]] \"x\"]", "{(core/kv/set k 5) (f)}", "()", "[]",
            "{}",
        "'x", "'(a 'b)", "@\"boom\"", "@\"with \\\"quotes\\\"\"", "(a @\"e\" {b})"})
    void shouldPrintCanonicalTextThatReadsBackEqual(final String canonical)
    {
        final Value value = Reader.readOne(canonical);
        assertEquals(canonical, Printer.print(value));
        assertRoundTrip(value);
    }

    @Test
    void shouldPrintNonCanonicalInputCanonically()
    {
        assertEquals("5", Printer.print(Reader.readOne("+5")));
        assertEquals("0.5", Printer.print(Reader.readOne(".5")));
        assertEquals("5.0", Printer.print(Reader.readOne("5.")));
        assertEquals("1000.0", Printer.print(Reader.readOne("1E3")));
        assertEquals("1.0E10", Printer.print(Reader.readOne("1e10")));
        assertEquals("-0.00567", Printer.print(Reader.readOne("-5.67e-3")));
        assertEquals("(a b)", Printer.print(Reader.readOne("(  a\n  b ; c\n)")));
        assertEquals("@\"oops\"", Printer.print(Reader.readOne("@oops")));
        assertEquals("'x", Printer.print(Reader.readOne("(quote x)")));
    }

    @Test
    void shouldRoundTripTrickyStrings()
    {
        final List<String> texts = List.of("\\", "\"", "\\\"", "\n\r\t", "tab\there", "\u0000\u0001\u007f",
            "\\n is not a newline", "ends with backslash \\", "\ud83d\ude00", "中文", " leading and trailing ");
        for (final String text : texts)
        {
            assertRoundTrip(new StrValue(text));
        }
    }

    @Test
    void shouldRoundTripRandomRealsAndIntegers()
    {
        final Random random = new Random(42);
        for (int i = 0; i < 10_000; i++)
        {
            assertRoundTrip(new RealValue(Double.longBitsToDouble(random.nextLong())));
            assertRoundTrip(new RealValue(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20)));
            assertRoundTrip(IntValue.of(random.nextLong()));
        }
    }

    @Test
    void shouldRoundTripRandomNestedValues()
    {
        final Random random = new Random(7);
        for (int i = 0; i < 2_000; i++)
        {
            assertRoundTrip(randomValue(random, 4));
        }
    }

    @Test
    void shouldDisplayStringsWithoutQuotes()
    {
        assertEquals("hello \"you\"", Printer.display(new StrValue("hello \"you\"")));
        assertEquals("42", Printer.display(IntValue.of(42)));
        assertEquals("(a \"b\")", Printer.display(Reader.readOne("(a \"b\")")));
    }

    private static Value randomValue(final Random random, final int depth)
    {
        final int kind = random.nextInt(depth > 0 ? 8 : 5);
        switch (kind)
        {
            case 0:
                return IntValue.of(random.nextLong());
            case 1:
                return new RealValue(random.nextDouble() * 1e6 - 5e5);
            case 2:
                return new StrValue(randomText(random));
            case 3:
                return new SymValue("s" + random.nextInt(1000) + ":x/y");
            case 4:
                return new ErrorValue(randomText(random));
            default:
                final List<Value> items = new ArrayList<>();
                final int n = random.nextInt(4);
                for (int i = 0; i < n; i++)
                {
                    items.add(randomValue(random, depth - 1));
                }
                return new ListValue(ListKind.values()[kind - 5], items);
        }
    }

    private static String randomText(final Random random)
    {
        final String alphabet = "ab \"\\\n\t\r();[]{}'@é😀\uFEFF";
        final StringBuilder out = new StringBuilder();
        final int n = random.nextInt(12);
        for (int i = 0; i < n; i++)
        {
            out.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            if (random.nextInt(10) == 0)
            {
                out.append(random.nextBoolean() ? '\uD800' : '\uDFFF');
            }
        }
        return out.toString();
    }
}
