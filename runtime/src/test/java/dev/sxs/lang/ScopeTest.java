package dev.sxs.lang;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ScopeTest
{
    private static final String SCOPE = "task:001:";

    private final Sxs sxs = new Sxs();

    @AfterEach
    void close()
    {
        sxs.close();
    }

    @Test
    void shouldWritePhysicalKeysUnderTheScope()
    {
        assertEquals("true\n5", sxs.evalIn(SCOPE, "(core/kv/set counter 5) (core/kv/get counter)"));
        assertEquals("5", sxs.root.get("task:001:counter"));
        assertNull(sxs.root.get("counter"));
        assertEquals("@\"key not found: counter\"", sxs.eval("(core/kv/get counter)"));
        assertEquals("5", sxs.eval("(core/kv/get task:001:counter)"));
    }

    @Test
    void shouldNotReadOrWriteOutsideTheScope()
    {
        sxs.eval("(core/kv/set secret 1) (core/kv/set task:002:x 2) (core/kv/set task:001 3)");
        assertEquals(String.join("\n", "@\"key not found: secret\"", "false", "false", "false", "false", "true", "1"),
            sxs.evalIn(SCOPE, """
                (core/kv/get secret) (core/kv/exists secret) (core/kv/del secret) (core/kv/cas secret 1 9)
                (core/kv/exists task:002:x) (core/kv/snx secret 7) (core/kv/incr task:002:x)
                """));
        assertEquals("1\n2\n3", sxs.eval("(core/kv/get secret) (core/kv/get task:002:x) (core/kv/get task:001)"));
        assertEquals("7\n1", sxs.eval("(core/kv/get task:001:secret) (core/kv/get task:001:task:002:x)"));
    }

    @Test
    void shouldIterateOnlyTheScopeWithTheScopeRemoved()
    {
        sxs.eval("(core/kv/set secret 1) (core/kv/set task:002:a 2) (core/kv/set task:001 3) (core/kv/set task:001:a "
            + "4) (core/kv/set task:001:b:1 5)");
        assertEquals("2", sxs.evalIn(SCOPE,
            "(core/kv/iterate \"\" 0 100 { (core/util/log $key (core/kv/get $key)) })"));
        assertEquals("[a 4, b:1 5]", sxs.log.toString());
        assertEquals("1", sxs.evalIn(SCOPE, "(core/kv/iterate b: 0 100 { (core/kv/del $key) })"));
        assertEquals("false\ntrue", sxs.eval("(core/kv/exists task:001:b:1) (core/kv/exists task:001:a)"));
    }

    @Test
    void shouldNotSeeAKeyEqualToTheScopeWrittenFromTheParent()
    {
        sxs.eval("(core/kv/set \"task:001:\" parent) (core/kv/set task:001:a 1)");
        assertEquals("1", sxs.evalIn(SCOPE,
            "(core/kv/iterate \"\" 0 100 { (core/util/log $key (core/kv/get $key)) })"));
        assertEquals("[a 1]", sxs.log.toString());
        assertEquals("parent", sxs.eval("(core/kv/get \"task:001:\")"));
    }

    @Test
    void shouldEvaluateNestedTextInTheSameScope()
    {
        sxs.evalIn(SCOPE, "(core/expr/eval \"(core/kv/set inner 1)\")");
        assertEquals("1", sxs.root.get("task:001:inner"));
    }

    @Test
    void shouldNestScopes()
    {
        sxs.evalIn("task:001:sub:", "(core/kv/set x 1)");
        assertEquals("1", sxs.evalIn(SCOPE, "(core/kv/get sub:x)"));
    }
}
