package dev.sxs.kv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The ordered key index written out at a clean close, {@code <data>/store.index}, so that the next open
 * reads it (a sequential read of about 18 bytes per key) instead of scanning the map and sorting every key.
 * <p>
 * Layout, little-endian: the magic {@code SXSIDX01}, a stamp (8 bytes), the key count (8 bytes), then each
 * key in ascending unsigned byte order as its length (unsigned LEB128 varint) and its UTF-8 bytes, then a
 * CRC32C of everything before it (4 bytes). The file is written under {@code store.index.tmp} and renamed
 * over {@code store.index} in one atomic step, so a reader sees a whole file or none.
 * <p>
 * Trust: the stamp is random per close and is also written into the clean marker {@code store.clean}, which
 * the store writes after the map is closed and deletes at open; a reader is given the marker's stamp and the
 * map's entry count and accepts the file only when stamp, count, length and checksum all agree. So an index
 * left by a crashed process (no marker), by an older close (another stamp) or half overwritten is never used.
 * <p>
 * Threading: called by the thread that opens or closes the store, under the data folder's lock. Failure:
 * {@link #write} throws {@link IOException} (the store then closes without an index file); {@link #read}
 * returns null for anything it cannot trust, and the store rebuilds the index.
 */
final class IndexFile
{
    /** Name of the index file inside the data folder. */
    static final String NAME = "store.index";
    /** Suffix of the file the index is written to before it is renamed into place. */
    static final String WRITING_SUFFIX = ".tmp";

    private static final long MAGIC = 0x3130584449535853L; // "SXSIDX01" read as a little-endian long
    private static final int HEADER_BYTES = 24;
    private static final int BLOCK_BYTES = 1 << 20;

    private IndexFile()
    {
    }

    /**
     * Write the index to {@code <folder>/store.index}, through a temporary file and an atomic rename.
     *
     * @param folder the data folder.
     * @param index  the index, complete and no longer changed.
     * @param stamp  the stamp tying the file to the clean marker written after it.
     * @throws IOException when writing or renaming fails; the temporary file is deleted.
     */
    static void write(final Path folder, final ChunkedKeyIndex index, final long stamp) throws IOException
    {
        final Path target = folder.resolve(NAME);
        final Path temporary = folder.resolve(NAME + WRITING_SUFFIX);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
        {
            final Output out = new Output(channel);
            out.header(stamp, index.size());
            index.forEachKey(out::key);
            out.finish();
        }
        catch (final IOException | RuntimeException ex)
        {
            Files.deleteIfExists(temporary);
            throw ex;
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Read the index written by the last clean close, if it can be trusted.
     *
     * @param folder       the data folder.
     * @param stamp        the stamp of the clean marker.
     * @param expectedKeys the map's entry count.
     * @return the index, or null when the file is missing, for another stamp or count, cut short or corrupt.
     */
    static ChunkedKeyIndex read(final Path folder, final long stamp, final long expectedKeys)
    {
        final Reader reader = open(folder, stamp, expectedKeys);
        return reader == null ? null : reader.load();
    }

    /**
     * Open the index file and check its header, so that the keys can be loaded later (on another thread, after
     * the file was deleted: the open channel still reads it).
     *
     * @param folder       the data folder.
     * @param stamp        the stamp of the clean marker.
     * @param expectedKeys the map's entry count.
     * @return a reader positioned after the header, or null when the file is missing or its header does not match.
     */
    static Reader open(final Path folder, final long stamp, final long expectedKeys)
    {
        FileChannel channel = null;
        try
        {
            channel = FileChannel.open(folder.resolve(NAME), StandardOpenOption.READ);
            final long length = channel.size();
            if (length >= HEADER_BYTES + Integer.BYTES)
            {
                final Reader in = new Reader(channel, length - Integer.BYTES, expectedKeys);
                if (in.longAt(0) == MAGIC && in.longAt(8) == stamp && in.longAt(16) == expectedKeys)
                {
                    in.skip(HEADER_BYTES);
                    return in;
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // unreadable is untrusted: the store rebuilds the index from the map
        }
        closeQuietly(channel);
        return null;
    }

    private static void closeQuietly(final FileChannel channel)
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ex)
            {
                // nothing was written through it
            }
        }
    }

    /** Buffered writer that checksums whole blocks. */
    private static final class Output
    {
        private final FileChannel channel;
        private final byte[] buffer = new byte[BLOCK_BYTES];
        private final CRC32C crc = new CRC32C();
        private int used;

        Output(final FileChannel channel)
        {
            this.channel = channel;
        }

        void header(final long stamp, final long keys) throws IOException
        {
            final ByteBuffer header = ByteBuffer.wrap(buffer, 0, HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            header.putLong(MAGIC).putLong(stamp).putLong(keys);
            used = HEADER_BYTES;
        }

        void key(final byte[] data, final int offset, final int length) throws IOException
        {
            if (used + 5 + length > buffer.length)
            {
                flush();
                if (5 + length > buffer.length)
                {
                    varint(length);
                    flush();
                    crc.update(data, offset, length);
                    writeFully(ByteBuffer.wrap(data, offset, length));
                    return;
                }
            }
            varint(length);
            System.arraycopy(data, offset, buffer, used, length);
            used += length;
        }

        void finish() throws IOException
        {
            flush();
            final ByteBuffer trailer = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            trailer.putInt(0, (int)crc.getValue());
            writeFully(trailer);
        }

        private void varint(final int value)
        {
            int rest = value;
            while ((rest & ~0x7F) != 0)
            {
                buffer[used++] = (byte)(rest & 0x7F | 0x80);
                rest >>>= 7;
            }
            buffer[used++] = (byte)rest;
        }

        private void flush() throws IOException
        {
            crc.update(buffer, 0, used);
            writeFully(ByteBuffer.wrap(buffer, 0, used));
            used = 0;
        }

        private void writeFully(final ByteBuffer bytes) throws IOException
        {
            while (bytes.hasRemaining())
            {
                channel.write(bytes);
            }
        }
    }

    /**
     * Block reader over the checksummed part of an open index file; keys are parsed straight from its buffer.
     * Threading: one thread at a time. Owns the channel, which {@link #load} closes.
     */
    static final class Reader
    {
        private final FileChannel channel;
        private final long contentBytes;
        private final long keys;
        private final CRC32C crc = new CRC32C();
        private byte[] buffer = new byte[BLOCK_BYTES];
        private int position;
        private int limit;
        private long read;

        Reader(final FileChannel channel, final long contentBytes, final long keys) throws IOException
        {
            this.channel = channel;
            this.contentBytes = contentBytes;
            this.keys = keys;
            need(HEADER_BYTES);
        }

        /**
         * Load every key and close the file.
         *
         * @return the index, or null when the file is cut short or corrupt.
         */
        ChunkedKeyIndex load()
        {
            try
            {
                final ChunkFiller filler = new ChunkFiller(ChunkedKeyIndex.DEFAULT_MAX_KEYS,
                    ChunkedKeyIndex.DEFAULT_MAX_BYTES);
                for (long i = 0; i < keys; i++)
                {
                    final int keyLength = varint();
                    if (keyLength < 0 || !need(keyLength))
                    {
                        return null;
                    }
                    filler.append(buffer, position, keyLength);
                    position += keyLength;
                }
                return atEnd() && checksumMatches() ? filler.index() : null;
            }
            catch (final IOException | RuntimeException ex)
            {
                return null;
            }
            finally
            {
                closeQuietly(channel);
            }
        }

        long longAt(final int offset)
        {
            return ByteBuffer.wrap(buffer, offset, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }

        void skip(final int bytes)
        {
            position += bytes;
        }

        /** @return the next varint, or -1 when the file ends inside it or it is too long. */
        int varint() throws IOException
        {
            int value = 0;
            for (int shift = 0; shift < 32; shift += 7)
            {
                if (!need(1))
                {
                    return -1;
                }
                final int b = buffer[position++];
                value |= (b & 0x7F) << shift;
                if (b >= 0)
                {
                    return value;
                }
            }
            return -1;
        }

        /** Make {@code bytes} bytes available from {@code position}; false when the content ends first. */
        boolean need(final int bytes) throws IOException
        {
            if (limit - position >= bytes)
            {
                return true;
            }
            final int kept = limit - position;
            if (bytes > buffer.length)
            {
                buffer = java.util.Arrays.copyOf(buffer, bytes);
            }
            System.arraycopy(buffer, position, buffer, 0, kept);
            position = 0;
            limit = kept;
            while (limit < bytes && read < contentBytes)
            {
                final int space = (int)Math.min(buffer.length - limit, contentBytes - read);
                final int got = channel.read(ByteBuffer.wrap(buffer, limit, space), read);
                if (got <= 0)
                {
                    return false;
                }
                crc.update(buffer, limit, got);
                limit += got;
                read += got;
            }
            return limit >= bytes;
        }

        boolean atEnd()
        {
            return position == limit && read == contentBytes;
        }

        boolean checksumMatches() throws IOException
        {
            final ByteBuffer trailer = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (trailer.hasRemaining())
            {
                if (channel.read(trailer, contentBytes + trailer.position()) <= 0)
                {
                    return false;
                }
            }
            return trailer.getInt(0) == (int)crc.getValue();
        }
    }
}
