package dev.sxs.lang;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * core/str/concat, len, sub, split, join, contains: each happy path and each error.
 */
class StrCommandsTest
{
    private final Sxs sxs = new Sxs();

    @AfterEach
    void close()
    {
        sxs.close();
    }

    @Test
    void shouldConcatTextsAndPrintedValues()
    {
        assertEquals("\"fn:abc123:pc\"\n\"\"\n\"a1 2.5 sym [1 \\\"x\\\"]\"", sxs.eval("""
            (core/str/concat "fn:" abc123 ":pc")
            (core/str/concat)
            (core/str/concat "a" 1 " " 2.5 " " 'sym " " '[1 "x"])
            """));
        assertEquals("@\"key not found: n\"", sxs.eval("(core/str/concat \"a\" (core/kv/get n))"));
    }

    @Test
    void shouldCountCharactersNotUtf16Units()
    {
        assertEquals("5\n0\n2",
            sxs.eval("(core/str/len \"hello\") (core/str/len \"\") (core/str/len \"é\ud83d\ude00\")"));
        assertEquals("@\"core/str/len: S must be a string, got 5\"\n@\"core/str/len: expects S\"",
            sxs.eval("(core/str/len 5) (core/str/len)"));
    }

    @Test
    void shouldTakeSubstringsByCharacterPositions()
    {
        assertEquals("\"ell\"\n\"llo\"\n\"\"\n\"\ud83d\ude00b\"", sxs.eval("""
            (core/str/sub "hello" 1 4)
            (core/str/sub "hello" 2)
            (core/str/sub "hello" 5)
            (core/str/sub "a\ud83d\ude00b" 1 3)
            """));
    }

    @Test
    void shouldRejectSubstringPositionsOutOfRange()
    {
        assertEquals("@\"core/str/sub: FROM 6 is out of range 0..5\"\n"
                + "@\"core/str/sub: FROM -1 is out of range 0..5\"\n"
                + "@\"core/str/sub: TO 1 is out of range 2..5\"\n"
                + "@\"core/str/sub: TO 9 is out of range 0..5\"\n"
                + "@\"core/str/sub: FROM must be an integer, got 1.0\"\n"
                + "@\"core/str/sub: S must be a string, got x\"\n"
                + "@\"core/str/sub: expects S FROM [TO]\"",
            sxs.eval("(core/str/sub \"hello\" 6) (core/str/sub \"hello\" -1) (core/str/sub \"hello\" 2 1) "
                + "(core/str/sub \"hello\" 0 9) (core/str/sub \"hello\" 1.0) (core/str/sub x 0) (core/str/sub \"a\")"));
    }

    @Test
    void shouldSplitOnALiteralSeparator()
    {
        assertEquals("[\"a\" \"b\" \"\" \"c\"]\n[\"abc\"]\n[\"\"]\n[\"a\" \"b\"]", sxs.eval("""
            (core/str/split "a,b,,c" ",")
            (core/str/split "abc" ",")
            (core/str/split "" ",")
            (core/str/split "a.*b" ".*")
            """));
        assertEquals("@\"core/str/split: SEP must not be empty\"\n@\"core/str/split: SEP must be a string, got 1\"\n"
                + "@\"core/str/split: expects S SEP\"",
            sxs.eval("(core/str/split \"a\" \"\") (core/str/split \"a\" 1) (core/str/split \"a\")"));
    }

    @Test
    void shouldJoinItemsWithASeparator()
    {
        assertEquals("\"a, b, 3\"\n\"\"\n\"x\"", sxs.eval("""
            (core/str/join (core/list/new "a" 'b 3) ", ")
            (core/str/join (core/list/new) ", ")
            (core/str/join (core/str/split "x" ",") "-")
            """));
        assertEquals("@\"core/str/join: LIST must be a list, got \\\"ab\\\"\"\n"
                + "@\"core/str/join: SEP must be a string, got 1\"\n@\"core/str/join: expects LIST SEP\"",
            sxs.eval("(core/str/join \"ab\" \",\") (core/str/join '[a] 1) (core/str/join '[a])"));
    }

    @Test
    void shouldTellWhetherAStringContainsAPart()
    {
        assertEquals("true\nfalse\ntrue", sxs.eval("(core/str/contains \"order:42\" \":4\") "
            + "(core/str/contains \"abc\" \"d\") (core/str/contains \"abc\" \"\")"));
        assertEquals("@\"core/str/contains: PART must be a string, got 1\"\n"
                + "@\"core/str/contains: S must be a string, got [1]\"\n@\"core/str/contains: expects S PART\"",
            sxs.eval("(core/str/contains \"a\" 1) (core/str/contains '[1] \"1\") (core/str/contains \"a\")"));
    }
}
