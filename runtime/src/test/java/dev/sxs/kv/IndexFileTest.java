package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFileTest
{
    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRoundTripKeysOfEveryLengthAcrossBlocks(@TempDir final Path dir) throws Exception
    {
        final List<byte[]> keys = new ArrayList<>();
        keys.add(utf8("a".repeat(3 << 20))); // longer than a block
        for (int i = 0; i < 20_000; i++)
        {
            keys.add(utf8("k" + i + "x".repeat(i % 300))); // one- and two-byte lengths
        }
        keys.add(utf8("z"));
        final ChunkedKeyIndex index = ChunkedKeyIndex.build(keys.toArray(new byte[0][]));
        IndexFile.write(dir, index, 42);
        final ChunkedKeyIndex read = IndexFile.read(dir, 42, index.size());
        assertNotNull(read);
        assertEquals(index.size(), read.size());
        assertEquals(index.keys(new byte[0], 0, Integer.MAX_VALUE), read.keys(new byte[0], 0, Integer.MAX_VALUE));
        assertFalse(Files.exists(dir.resolve(IndexFile.NAME + IndexFile.WRITING_SUFFIX)));
    }

    @Test
    void shouldRoundTripAnEmptyIndex(@TempDir final Path dir) throws Exception
    {
        IndexFile.write(dir, new ChunkedKeyIndex(), 7);
        final ChunkedKeyIndex read = IndexFile.read(dir, 7, 0);
        assertNotNull(read);
        assertEquals(List.of(), read.keys(new byte[0], 0, 10));
        read.add(utf8("x"));
        assertEquals(List.of("x"), read.keys(new byte[0], 0, 10));
    }

    @Test
    void shouldRefuseAnotherStampCountOrACutFile(@TempDir final Path dir) throws Exception
    {
        final ChunkedKeyIndex index = ChunkedKeyIndex.build(new byte[][] {utf8("a"), utf8("b"), utf8("c")});
        IndexFile.write(dir, index, 5);
        assertNull(IndexFile.read(dir, 6, 3));
        assertNull(IndexFile.read(dir, 5, 4));
        final Path file = dir.resolve(IndexFile.NAME);
        final byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertNull(IndexFile.read(dir, 5, 3));
        Files.delete(file);
        assertNull(IndexFile.read(dir, 5, 3));
    }
}
