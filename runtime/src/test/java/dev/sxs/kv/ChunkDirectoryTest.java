package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class ChunkDirectoryTest
{
    private static byte[] b(final String s)
    {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int bruteFloor(final List<byte[]> lowers, final byte[] key)
    {
        int found = 0;
        for (int i = 0; i < lowers.size(); i++)
        {
            if (Arrays.compareUnsigned(lowers.get(i), key) <= 0)
            {
                found = i;
            }
        }
        return found;
    }

    @Test
    void shouldFindTheFloorChunkLikeALinearScanAsChunksComeAndGo()
    {
        final Random random = new Random(3);
        final String[] stems = {"user:000", "user:0001", "user:00012345678", "user:", "u", "v", "", "user:000\u0000",
            "\u00ff\u00ff"};
        final KeyChunk first = new KeyChunk(new byte[0], null);
        ChunkDirectory directory = ChunkDirectory.of(first);
        final TreeSet<byte[]> bounds = new TreeSet<>(Arrays::compareUnsigned);
        bounds.add(new byte[0]);
        for (int round = 0; round < 3000; round++)
        {
            final byte[] bound = b(stems[random.nextInt(stems.length)] + random.nextInt(1000));
            if (bounds.contains(bound))
            {
                final List<byte[]> lowers = new ArrayList<>(bounds);
                final int index = lowers.indexOf(bounds.floor(bound));
                directory = directory.withRemoved(index);
                bounds.remove(bound);
            }
            else
            {
                bounds.add(bound);
                final List<byte[]> lowers = new ArrayList<>(bounds);
                directory = directory.withInserted(lowers.indexOf(bound), new KeyChunk(bound, null));
            }
            final List<byte[]> lowers = new ArrayList<>(bounds);
            assertEquals(lowers.size(), directory.size());
            for (int probe = 0; probe < 20; probe++)
            {
                final byte[] key = b(stems[random.nextInt(stems.length)] + random.nextInt(2000));
                assertEquals(bruteFloor(lowers, key), directory.floorIndex(key),
                    new String(key, StandardCharsets.UTF_8));
            }
            for (int i = 0; i < lowers.size(); i++)
            {
                assertEquals(i, directory.floorIndex(lowers.get(i)));
                assertSame(directory.chunk(i), directory.floor(lowers.get(i)));
            }
        }
        final List<KeyChunk> all = new ArrayList<>();
        for (int i = 0; i < directory.size(); i++)
        {
            all.add(directory.chunk(i));
        }
        final ChunkDirectory rebuilt = ChunkDirectory.of(all.toArray(new KeyChunk[0]));
        for (int probe = 0; probe < 2000; probe++)
        {
            final byte[] key = b(stems[random.nextInt(stems.length)] + random.nextInt(2000));
            assertEquals(directory.floorIndex(key), rebuilt.floorIndex(key));
        }
    }
}
