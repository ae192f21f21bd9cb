package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeyCodecTest
{
    private static final String NATS_KEY = "[-/_=.a-zA-Z0-9]+";

    @Test
    void shouldKeepPlainKeysAsTheyAre()
    {
        assertEquals("order-1/a_b", KeyCodec.encode("order-1/a_b"));
    }

    @Test
    void shouldEncodeEveryOtherKeyReversiblyIntoCharactersNatsAllows()
    {
        for (final String key : List.of("", "=", ".", "a.b", ".hidden", "end.", "a..b", "t3:order:1", "\0fn:sum",
            "with space", "*", ">", "ключ", "emoji \uD83D\uDE00", "=41", "%2E"))
        {
            final String encoded = KeyCodec.encode(key);
            assertTrue(encoded.matches(NATS_KEY) && !encoded.startsWith("."), key + " -> " + encoded);
            assertEquals(key, KeyCodec.decode(encoded), encoded);
        }
    }

    @Test
    void shouldGiveDistinctKeysDistinctEncodings()
    {
        final List<String> keys = List.of("", "=", "=3D", "a.b", "a=2Eb", "a:b", "a=3Ab");
        final List<String> encoded = new ArrayList<>();
        for (final String key : keys)
        {
            encoded.add(KeyCodec.encode(key));
        }
        assertEquals(keys.size(), encoded.stream().distinct().count(), encoded.toString());
    }

    @Test
    void shouldRefuseKeysItDidNotMake()
    {
        assertNull(KeyCodec.decode("a.b"));
        assertNull(KeyCodec.decode("a=4"));
        assertNull(KeyCodec.decode("a=zz"));
    }

    @Test
    void shouldOrderKeysByTheirUtf8Bytes()
    {
        final List<String> keys = new ArrayList<>(List.of("b", "\uFFFD", "a", "\uD83D\uDE00", "ab", ""));
        keys.sort(KeyOrder.INSTANCE);
        assertEquals(List.of("", "a", "ab", "b", "\uFFFD", "\uD83D\uDE00"), keys);
    }
}
