package dev.sxs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BracketsTest
{
    @Test
    void shouldCountOpenBracketsOfEveryKind()
    {
        assertEquals(0, Brackets.open("(core/kv/set a 1)"));
        assertEquals(2, Brackets.open("(core/kv/iterate \"\" 0 10 {"));
        assertEquals(1, Brackets.open("[(a)"));
        assertEquals(-1, Brackets.open("(a))"));
    }

    @Test
    void shouldIgnoreBracketsInStringsAndComments()
    {
        assertEquals(0, Brackets.open("(core/kv/set a \"(([\") ; ((("));
        assertEquals(1, Brackets.open("(x ; )\n"));
        assertEquals(0, Brackets.open("(x \"\\\")\")"));
    }

    @Test
    void shouldWaitForAnUnterminatedString()
    {
        assertEquals(1, Brackets.open("\"abc"));
    }
}
