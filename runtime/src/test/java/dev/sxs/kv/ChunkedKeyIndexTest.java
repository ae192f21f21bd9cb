package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class ChunkedKeyIndexTest
{
    private static byte[] b(final String s)
    {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> expected(final TreeSet<byte[]> model, final String prefix, final long offset,
        final int limit)
    {
        final byte[] p = b(prefix);
        final List<String> out = new ArrayList<>();
        long skip = offset;
        for (final byte[] key : model.tailSet(p, true))
        {
            if (key.length < p.length || !Arrays.equals(key, 0, p.length, p, 0, p.length))
            {
                break;
            }
            if (skip > 0)
            {
                skip--;
                continue;
            }
            if (out.size() == limit)
            {
                break;
            }
            out.add(new String(key, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void shouldAddRemoveAndContain()
    {
        final ChunkedKeyIndex index = new ChunkedKeyIndex();
        assertTrue(index.add(b("b")));
        assertFalse(index.add(b("b")));
        assertTrue(index.add(b("a")));
        assertTrue(index.contains(b("a")));
        assertFalse(index.contains(b("c")));
        assertEquals(2, index.size());
        assertTrue(index.remove(b("a")));
        assertFalse(index.remove(b("a")));
        assertEquals(List.of("b"), index.keys(b(""), 0, 10));
        assertTrue(index.add(b("")));
        assertEquals(List.of("", "b"), index.keys(b(""), 0, 10));
    }

    @Test
    void shouldMatchASortedSetUnderRandomAddsAndRemovesWithSplitsAndMerges()
    {
        final ChunkedKeyIndex index = new ChunkedKeyIndex(8, 64);
        final TreeSet<byte[]> model = new TreeSet<>(Arrays::compareUnsigned);
        final Random random = new Random(42);
        final String[] prefixes = {"", "a", "ab", "b:", "b:1", "\u00e9", "zz"};
        for (int round = 0; round < 20_000; round++)
        {
            final String key = prefixes[random.nextInt(prefixes.length)] + Integer.toString(random.nextInt(500), 36);
            if (random.nextInt(3) == 0)
            {
                assertEquals(model.remove(b(key)), index.remove(b(key)), key);
            }
            else
            {
                assertEquals(model.add(b(key)), index.add(b(key)), key);
            }
            if (round % 500 == 0)
            {
                for (final String prefix : prefixes)
                {
                    final int offset = random.nextInt(50);
                    assertEquals(expected(model, prefix, offset, 30), index.keys(b(prefix), offset, 30), prefix);
                    assertEquals(expected(model, prefix, 0, Integer.MAX_VALUE),
                        index.keys(b(prefix), 0, Integer.MAX_VALUE), prefix);
                }
            }
        }
        assertEquals(model.size(), index.size());
        assertTrue(index.chunkCount() > 10, "chunks: " + index.chunkCount());
        while (!model.isEmpty())
        {
            assertTrue(index.remove(model.pollFirst()));
        }
        assertEquals(List.of(), index.keys(b(""), 0, 10));
        assertEquals(0, index.size());
    }

    @Test
    void shouldBuildFromUnsortedKeysWithDuplicates()
    {
        final TreeSet<byte[]> model = new TreeSet<>(Arrays::compareUnsigned);
        final byte[][] keys = new byte[5000][];
        final Random random = new Random(7);
        for (int i = 0; i < keys.length; i++)
        {
            keys[i] = b("k" + random.nextInt(3000));
            model.add(keys[i]);
        }
        final ChunkedKeyIndex index = ChunkedKeyIndex.build(keys);
        assertEquals(model.size(), index.size());
        assertEquals(expected(model, "", 0, Integer.MAX_VALUE), index.keys(b(""), 0, Integer.MAX_VALUE));
        assertEquals(expected(model, "k12", 3, 7), index.keys(b("k12"), 3, 7));
        assertTrue(index.add(b("k")));
        assertTrue(index.remove(b("k1")));
        model.add(b("k"));
        model.remove(b("k1"));
        assertEquals(expected(model, "", 0, Integer.MAX_VALUE), index.keys(b(""), 0, Integer.MAX_VALUE));
    }

    @Test
    void shouldSplitOnBytesForLongKeys()
    {
        final ChunkedKeyIndex index = new ChunkedKeyIndex(256, 1024);
        final TreeSet<byte[]> model = new TreeSet<>(Arrays::compareUnsigned);
        for (int i = 0; i < 200; i++)
        {
            final String key = "long:" + i + ":" + "x".repeat(300);
            index.add(b(key));
            model.add(b(key));
        }
        assertTrue(index.chunkCount() > 20, "chunks: " + index.chunkCount());
        assertEquals(expected(model, "long:1", 5, 50), index.keys(b("long:1"), 5, 50));
    }

    @Test
    void shouldHoldAnIndexGrownByRandomInsertsInUnder42BytesPerKey()
    {
        final int keys = 300_000;
        final List<Integer> order = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++)
        {
            order.add(i);
        }
        Collections.shuffle(order, new Random(16));
        final ChunkedKeyIndex index = new ChunkedKeyIndex();
        final byte[] template = "user:0000000:name".getBytes(StandardCharsets.US_ASCII);
        for (final int i : order)
        {
            final byte[] key = template.clone();
            int n = i;
            for (int at = 11; n > 0; at--)
            {
                key[at] = (byte)('0' + n % 10);
                n /= 10;
            }
            assertTrue(index.add(key));
        }

        final double perKey = index.heapBytesEstimate() / (double)keys;
        // 51 B per key when a split left each half in arrays sized for both
        assertTrue(perKey <= 42, "heap per key " + perKey + " B");
    }
}
