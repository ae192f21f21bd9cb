package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScopedKvStoreTest
{
    private ChronicleKvStore store;

    @BeforeEach
    void open()
    {
        store = ChronicleKvStore.open(KvOptions.inMemory(1000));
        store.put("outside", "1");
        store.put("task:0", "1");
        store.put("task:00", "1");
        store.put("task:001", "1");
        store.put("task:002", "1");
    }

    @AfterEach
    void close()
    {
        store.close();
    }

    @Test
    void shouldWriteUnderTheHiddenPrefix()
    {
        final KvStore scope = store.scoped("task:001:");
        scope.put("counter", "5");
        assertEquals("5", store.get("task:001:counter"));
        assertEquals("5", scope.get("counter"));
        assertTrue(scope.containsKey("counter"));
        assertTrue(scope.putIfAbsent("other", "1"));
        assertFalse(scope.putIfAbsent("other", "2"));
        assertTrue(scope.replace("counter", "5", "6"));
        assertEquals("6", store.get("task:001:counter"));
        assertTrue(scope.remove("counter"));
        assertNull(store.get("task:001:counter"));
    }

    @Test
    void shouldNeverSeeKeysOutsideTheScope()
    {
        final KvStore scope = store.scoped("task:001:");
        assertNull(scope.get("outside"));
        assertFalse(scope.containsKey("task:001"));
        assertFalse(scope.remove("outside"));
        assertEquals(List.of(), scope.keys("", 0, 100));
        assertEquals(0, scope.size());
        scope.put("b", "1");
        scope.put("a", "1");
        scope.put("a:x", "1");
        assertEquals(List.of("a", "a:x", "b"), scope.keys("", 0, 100));
        assertEquals(List.of("a", "a:x"), scope.keys("a", 0, 100));
        assertEquals(List.of("a:x"), scope.keys("a", 1, 100));
        assertEquals(3, scope.size());
        assertEquals("1", store.get("outside"));
        assertEquals(8, store.size());
    }

    @Test
    void shouldNotSeeKeysOfASiblingWhosePrefixExtendsThisOne()
    {
        final KvStore scope = store.scoped("task:00");
        assertEquals(List.of("1", "2"), scope.keys("", 0, 100));
        final KvStore inner = store.scoped("task:001:");
        inner.put("k", "1");
        assertEquals(List.of("k"), inner.keys("", 0, 100));
    }

    @Test
    void shouldNestScopesByConcatenation()
    {
        final KvStore outer = store.scoped("a:");
        final KvStore inner = outer.scoped("b:");
        inner.put("k", "1");
        assertEquals("1", store.get("a:b:k"));
        assertEquals(List.of("b:k"), outer.keys("", 0, 10));
        assertEquals(List.of("k"), inner.keys("", 0, 10));
        assertSame(outer, outer.scoped(""));
        assertSame(store, store.scoped(""));
    }

    @Test
    void shouldCloseOnlyTheView()
    {
        final KvStore scope = store.scoped("s:");
        scope.put("k", "1");
        scope.close();
        assertThrows(IllegalStateException.class, () -> scope.get("k"));
        assertEquals("1", store.get("s:k"));
    }

    @Test
    void shouldNotSeeTheKeyThatEqualsItsPrefix()
    {
        store.put("task:001:", "parent");
        store.put("task:001:a", "1");
        store.put("task:001:b", "2");
        final KvStore scope = store.scoped("task:001:");
        assertEquals(List.of("a", "b"), scope.keys("", 0, 100));
        assertEquals(List.of("b"), scope.keys("", 1, 100));
        assertEquals(List.of("a"), scope.keys("", 0, 1));
        assertEquals(2, scope.size());
        assertNull(scope.get(""));
        assertFalse(scope.containsKey(""));
        assertFalse(scope.remove(""));
        assertThrows(IllegalArgumentException.class, () -> scope.put("", "x"));
        assertThrows(IllegalArgumentException.class, () -> scope.putIfAbsent("", "x"));
        assertThrows(IllegalArgumentException.class, () -> scope.replace("", "parent", "x"));
        assertEquals("parent", store.get("task:001:"));
        assertEquals(List.of("task:001:"), store.keys("task:001:", 0, 1));
    }
}
