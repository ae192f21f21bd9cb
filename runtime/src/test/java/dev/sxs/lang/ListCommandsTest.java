package dev.sxs.lang;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * core/list/new, len, nth, each: each happy path and each error.
 */
class ListCommandsTest
{
    private final Sxs sxs = new Sxs();

    @AfterEach
    void close()
    {
        sxs.close();
    }

    @Test
    void shouldMakeASequenceOfTheValues()
    {
        assertEquals("true\n[1 2.5 \"three\" four [5]]\n[]", sxs.eval("""
            (core/kv/set five 5)
            (core/list/new 1 2.5 "three" 'four (core/list/new (core/kv/get five)))
            (core/list/new)
            """));
        assertEquals("@\"key not found: n\"", sxs.eval("(core/list/new 1 (core/kv/get n))"));
    }

    @Test
    void shouldStoreAndReadBackAList()
    {
        assertEquals("true\n[1 \"a\"]\n2", sxs.eval(
            "(core/kv/set l (core/list/new 1 \"a\")) (core/kv/get l) (core/list/len (core/kv/get l))"));
    }

    @Test
    void shouldCountItemsOfAnyList()
    {
        assertEquals("3\n0\n2\n1", sxs.eval(
            "(core/list/len (core/list/new 1 2 3)) (core/list/len (core/list/new)) (core/list/len '(a b)) "
                + "(core/list/len '{x})"));
        assertEquals("@\"core/list/len: L must be a list, got \\\"abc\\\"\"\n@\"core/list/len: expects L\"",
            sxs.eval("(core/list/len \"abc\") (core/list/len)"));
    }

    @Test
    void shouldGiveTheNthItem()
    {
        assertEquals("a\nc", sxs.eval("(core/list/nth '[a b c] 0) (core/list/nth '[a b c] 2)"));
        assertEquals("@\"core/list/nth: index 3 is out of range for 3 items\"\n"
                + "@\"core/list/nth: index -1 is out of range for 3 items\"\n"
                + "@\"core/list/nth: I must be an integer, got \\\"0\\\"\"\n"
                + "@\"core/list/nth: L must be a list, got 5\"\n@\"core/list/nth: expects L I\"",
            sxs.eval("(core/list/nth '[a b c] 3) (core/list/nth '[a b c] -1) (core/list/nth '[a] \"0\") "
                + "(core/list/nth 5 0) (core/list/nth '[a])"));
    }

    @Test
    void shouldRunTheBodyPerItemWithItemAndIndexBound()
    {
        assertEquals("3", sxs.eval("(core/list/each '[a b c] {(core/util/log $index $item)})"));
        assertEquals("[0 a, 1 b, 2 c]", sxs.log.toString());
        assertEquals("0\n$item", sxs.eval("(core/list/each (core/list/new) {(core/util/log $item)}) $item"));
        assertEquals("2", sxs.eval(
            "(core/list/each '[[1 2] [3]] {(core/list/each $item {(core/util/log $index $item)})} )"));
    }

    @Test
    void shouldStopEachAtTheFirstError()
    {
        assertEquals("@\"core/math/add: argument 2 must be a number, got x\"\nfalse", sxs.eval(
            "(core/list/each '[1 x 3] {(core/math/add 1 $item)}) (core/kv/exists never)"));
        assertEquals("@\"core/list/each: expects L {BODY}\"\n@\"core/list/each: L must be a list, got 1\"",
            sxs.eval("(core/list/each '[1] (core/util/log 1)) (core/list/each 1 {})"));
    }
}
