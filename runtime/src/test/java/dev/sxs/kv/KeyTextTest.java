package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Keys with a lone UTF-16 surrogate have no UTF-8 form: the index would hold them as {@code ?} while the map held
 * them as they are, so several keys would share one index entry. The store refuses them on every write.
 */
class KeyTextTest
{
    @Test
    void shouldRefuseKeysWithALoneSurrogateSoIndexAndMapAgree()
    {
        try (ChronicleKvStore store = ChronicleKvStore.open(KvOptions.inMemory(1000)))
        {
            for (final String bad : List.of("a\uD800", "a\uDC00b", "\uDBFF", "x\uDC00\uD800"))
            {
                final IllegalArgumentException put = assertThrows(IllegalArgumentException.class,
                    () -> store.put(bad, "1"));
                assertEquals("key holds a lone UTF-16 surrogate U+" + Integer.toHexString(firstLone(bad))
                    .toUpperCase(java.util.Locale.ROOT) + " at index " + KeyText.loneSurrogate(bad), put.getMessage());
                assertThrows(IllegalArgumentException.class, () -> store.putIfAbsent(bad, "1"));
                assertThrows(IllegalArgumentException.class, () -> store.replace(bad, "1", "2"));
                assertThrows(IllegalArgumentException.class, () -> store.scoped(bad));
            }
            store.put("a\uD83D\uDE00", "1");
            store.put("a", "2");
            assertEquals(2, store.size());
            assertEquals(List.of("a", "a\uD83D\uDE00"), store.keys("", 0, 10));
            assertEquals("1", store.get("a\uD83D\uDE00"));
        }
    }

    private static char firstLone(final String key)
    {
        return key.charAt(KeyText.loneSurrogate(key));
    }
}
