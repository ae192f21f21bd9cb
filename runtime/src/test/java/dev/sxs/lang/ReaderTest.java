package dev.sxs.lang;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReaderTest
{
    private static List<Value> forms(final String source)
    {
        final ReadResult result = Reader.read(source);
        assertNull(result.error(), () -> "unexpected read error: " + result.error());
        return result.forms();
    }

    private static Value one(final String source)
    {
        final List<Value> forms = forms(source);
        assertEquals(1, forms.size(), "forms of " + source);
        return forms.get(0);
    }

    private static String error(final String source)
    {
        final ReadResult result = Reader.read(source);
        assertTrue(result.forms().isEmpty());
        return result.error() == null ? null : result.error().message();
    }

    private static ListValue list(final ListKind kind, final Value... items)
    {
        return new ListValue(kind, List.of(items));
    }

    private static SymValue sym(final String name)
    {
        return new SymValue(name);
    }

    @Test
    void shouldReadEmptySourceAsNoForms()
    {
        assertEquals(List.of(), forms(""));
        assertEquals(List.of(), forms("  \n\t ; only a comment\n"));
        assertEquals(List.of(), Reader.read(null).forms());
    }

    @ParameterizedTest
    @CsvSource({"42,42", "-7,-7", "+5,5", "0,0", "-0,0", "9223372036854775807,9223372036854775807",
        "-9223372036854775808,-9223372036854775808"})
    void shouldReadIntegers(final String text, final long expected)
    {
        assertEquals(IntValue.of(expected), one(text));
    }

    @ParameterizedTest
    @CsvSource({"3.14,3.14", "-5.67e-3,-0.00567", ".5,0.5", "5.,5.0", "1E3,1000.0", "+2.5,2.5", "-.5,-0.5",
        "1e+2,100.0", "2.5E-1,0.25", "-0.0,-0.0"})
    void shouldReadReals(final String text, final double expected)
    {
        assertEquals(new RealValue(expected), one(text));
    }

    @Test
    void shouldReadNonFiniteReals()
    {
        assertEquals(new RealValue(Double.POSITIVE_INFINITY), one("##Inf"));
        assertEquals(new RealValue(Double.NEGATIVE_INFINITY), one("##-Inf"));
        assertEquals(new RealValue(Double.NaN), one("##NaN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user:1:name", "core/kv/set", "$key", "true", "false", "+", "-", ".", "1e", "e5", "1.2.3",
        "5a", "-x", "a'b", "a@b", "##", "##inf", "héllo", "+-1", "1e+"})
    void shouldReadSymbols(final String text)
    {
        assertEquals(sym(text), one(text));
    }

    @Test
    void shouldReadStringsWithEscapes()
    {
        assertEquals(new StrValue("hello world"), one("\"hello world\""));
        assertEquals(new StrValue(""), one("\"\""));
        assertEquals(new StrValue("a\"b\\c\nd\te\rf"), one("\"a\\\"b\\\\c\\nd\\te\\rf\""));
        assertEquals(new StrValue("line1\nline2"), one("\"line1\nline2\""));
        assertEquals(new StrValue("ünïcødé ✓ 😀"), one("\"ünïcødé ✓ 😀\""));
        assertEquals(new StrValue("(not [a {list; no comment"), one("\"(not [a {list; no comment\""));
    }

    @Test
    void shouldReadCallsSequencesAndBlocks()
    {
        assertEquals(list(ListKind.CALL, sym("core/kv/set"), sym("k"), IntValue.of(5)), one("(core/kv/set k 5)"));
        assertEquals(list(ListKind.SEQUENCE, IntValue.of(1), new StrValue("two"), sym("three")),
            one("[1 \"two\" three]"));
        assertEquals(list(ListKind.BLOCK, list(ListKind.CALL, sym("f"), sym("$key"))), one("{ (f $key) }"));
        assertEquals(list(ListKind.CALL), one("()"));
        assertEquals(list(ListKind.SEQUENCE), one("[]"));
        assertEquals(list(ListKind.BLOCK), one("{}"));
    }

    @Test
    void shouldSplitTokensAtDelimitersWithoutSpaces()
    {
        assertEquals(list(ListKind.CALL, sym("a"), new StrValue("b"), list(ListKind.SEQUENCE, sym("c")),
            IntValue.of(1)),
            one("(a\"b\"[c]1)"));
        assertEquals(List.of(sym("a"), sym("b")), forms("a;comment\nb"));
        assertEquals(List.of(sym("a"), sym("b")), forms("a;comment\r\nb\r\n"));
    }

    @Test
    void shouldReadQuoteAsQuoteCall()
    {
        assertEquals(list(ListKind.CALL, Reader.QUOTE, sym("x")), one("'x"));
        assertEquals(list(ListKind.CALL, Reader.QUOTE, list(ListKind.CALL, sym("a"), sym("b"))), one("'(a b)"));
        assertEquals(list(ListKind.CALL, Reader.QUOTE, list(ListKind.CALL, Reader.QUOTE, sym("x"))), one("''x"));
        assertEquals(list(ListKind.CALL, Reader.QUOTE, sym("x")), one("' ; comment\n x"));
    }

    @Test
    void shouldReadErrorLiterals()
    {
        assertEquals(new ErrorValue("boom"), one("@\"boom\""));
        assertEquals(new ErrorValue("oops"), one("@oops"));
        assertEquals(new ErrorValue("(a \"b\")"), one("@(a \"b\")"));
        assertEquals(new ErrorValue("42"), one("@42"));
    }

    @Test
    void shouldReadManyTopLevelFormsWithComments()
    {
        final List<Value> forms = forms("; header\n(a) ; trailing\n[b]\n{c} 'd @e 1 2.0 \"s\" sym");
        assertEquals(9, forms.size());
    }

    static Stream<Arguments> readErrors()
    {
        return Stream.of(
            Arguments.of("(a b", "read error at 1:1: unclosed '('"),
            Arguments.of("x\n  [a (b)", "read error at 2:3: unclosed '['"),
            Arguments.of("{ (a)\n", "read error at 1:1: unclosed '{'"),
            Arguments.of("(a ]", "read error at 1:4: ']' does not match '(' opened at 1:1"),
            Arguments.of("[a\n (b}]", "read error at 2:4: '}' does not match '(' opened at 2:2"),
            Arguments.of("{a)", "read error at 1:3: ')' does not match '{' opened at 1:1"),
            Arguments.of("a )", "read error at 1:3: unexpected ')'"),
            Arguments.of("]", "read error at 1:1: unexpected ']'"),
            Arguments.of("}", "read error at 1:1: unexpected '}'"),
            Arguments.of("(a \"abc", "read error at 1:4: unterminated string"),
            Arguments.of("\"abc\\", "read error at 1:1: unterminated string"),
            Arguments.of("x \"a\\qb\"", "read error at 1:5: bad escape '\\q' in string"),
            Arguments.of("\"ok\"\n  \"\\x\"", "read error at 2:4: bad escape '\\x' in string"),
            Arguments.of("9223372036854775808", "read error at 1:1: integer out of range: 9223372036854775808"),
            Arguments.of("(a -9223372036854775809)", "read error at 1:4: integer out of range: -9223372036854775809"),
            Arguments.of("1e999", "read error at 1:1: real out of range: 1e999"),
            Arguments.of("'", "read error at 1:1: ' with nothing after it"),
            Arguments.of("(a ')", "read error at 1:4: ' with nothing after it"),
            Arguments.of("x\n@", "read error at 2:1: @ with nothing after it"),
            Arguments.of("[@]", "read error at 1:2: @ with nothing after it"),
            Arguments.of("'  ; comment", "read error at 1:1: ' with nothing after it"));
    }

    @ParameterizedTest
    @MethodSource("readErrors")
    void shouldReportReadErrorsWithPosition(final String source, final String expected)
    {
        assertEquals(expected, error(source));
    }

    @Test
    void shouldCountColumnsInCodePoints()
    {
        assertEquals("read error at 1:7: unexpected ')'", error("\"😀\" x )"));
        assertEquals("read error at 2:3: unexpected ')'", error("\"a\nb\")"));
    }

    @Test
    void shouldLimitNestingWithoutOverflowingTheStack()
    {
        final String deep = "(".repeat(Reader.MAX_DEPTH + 1);
        assertEquals("read error at 1:" + (Reader.MAX_DEPTH + 1) + ": nesting deeper than " + Reader.MAX_DEPTH
            + " levels",
            error(deep));
        final String ok = "[".repeat(Reader.MAX_DEPTH) + "]".repeat(Reader.MAX_DEPTH);
        assertEquals(1, forms(ok).size());
        final String quotes = "'".repeat(200_000) + "x";
        assertTrue(error(quotes).contains("nesting deeper than"));
    }

    @Test
    void shouldRefuseASymbolThatStartsWithAByteOrderMark()
    {
        assertEquals("read error at 1:4: symbol starts with U+FEFF (a byte order mark), which would not read back",
            error("(a \uFEFFx)"));
        assertEquals("read error at 1:1: symbol starts with U+FEFF (a byte order mark), which would not read back",
            error("\uFEFF\uFEFFx"));
        assertEquals(List.of(sym("x\uFEFF")), forms("x\uFEFF"));
    }

    @Test
    void shouldSkipAByteOrderMarkAtTheStart()
    {
        assertEquals(List.of(new ListValue(ListKind.CALL, List.of(sym("a")))), forms("\uFEFF(a)"));
        assertEquals("read error at 1:1: unexpected ')'", error("\uFEFF)"));
    }

    @Test
    void shouldReadExactlyOneForm()
    {
        assertEquals(IntValue.of(5), Reader.readOne("5"));
        assertEquals(new ErrorValue("expected exactly one form, found 2"), Reader.readOne("5 6"));
        assertEquals(new ErrorValue("expected exactly one form, found 0"), Reader.readOne(""));
        assertEquals(new ErrorValue("read error at 1:1: unclosed '('"), Reader.readOne("(a"));
    }

    @Test
    void shouldNeverThrowOnRandomInputAndRoundTripWhatReads()
    {
        final String alphabet = "()[]{}\"\\;'@ \n\tabc:/$+-.eE019#é😀\uD800\uDFFF\uFEFF";
        final java.util.Random random = new java.util.Random(1234);
        int read = 0;
        for (int i = 0; i < 20_000; i++)
        {
            final StringBuilder text = new StringBuilder();
            final int n = random.nextInt(30);
            for (int c = 0; c < n; c++)
            {
                final int index = random.nextInt(alphabet.codePointCount(0, alphabet.length()));
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, index)));
                if (random.nextInt(200) == 0)
                {
                    text.append("[".repeat(Reader.MAX_DEPTH - 1 + random.nextInt(3)));
                }
            }
            final ReadResult result = Reader.read(text.toString());
            if (result.ok())
            {
                read++;
                for (final Value form : result.forms())
                {
                    assertEquals(form, Reader.readOne(Printer.print(form)), () -> "round trip of " + text);
                }
            }
            else
            {
                assertTrue(result.error().message().startsWith("read error at "), result.error().message());
            }
        }
        assertTrue(read > 1000, "some random inputs read: " + read);
    }
}
