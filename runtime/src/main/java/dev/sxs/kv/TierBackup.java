package dev.sxs.kv;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

import net.openhft.chronicle.core.Memory;
import net.openhft.chronicle.core.OS;
import net.openhft.chronicle.hash.impl.VanillaChronicleHash;

/**
 * The side file {@code store.dat.repair}: the bytes of the segments a repair is about to change (each segment's
 * header, which holds its lock word, entry counter and first link, and every tier of its chain), saved before
 * the repair starts, so that a process killed during the repair leaves what the crash left recoverable.
 * <p>
 * The file is written as {@code store.dat.repair.tmp}, forced to the device and renamed into place in one atomic
 * step, so {@code store.dat.repair} exists only complete; the repair starts after the rename, and the file is
 * deleted once the repair has ended. An open that finds it writes the saved bytes back ({@link #restore}) and
 * repairs those segments again. Layout: a magic number, the tier size, the segment count; per segment its index,
 * its tier count, its header's first {@value #SEGMENT_HEADER_BYTES} bytes, then per tier its index and its bytes;
 * last a CRC32C of everything before it, checked before a single byte is written back.
 * <p>
 * Threading: one caller, on a map no other thread or process uses. Allocation: a 64 KiB buffer per call.
 * Failure: an {@link IOException} when the file cannot be written, or is unreadable, of another map, or damaged
 * (then nothing was written to the map).
 */
final class TierBackup
{
    /** Suffix of the side file beside {@code store.dat}. */
    static final String SUFFIX = ".repair";
    /** Suffix of the side file while it is written. */
    static final String TEMPORARY_SUFFIX = ".repair.tmp";

    /** Chronicle's segment header: lock word (8), entries (4), lowest free chunk (4), next tier (8), deleted (4). */
    static final int SEGMENT_HEADER_BYTES = 32;

    private static final long MAGIC = 0x7378732d72657061L;
    private static final int BLOCK = 1 << 16;
    private static final Memory MEMORY = OS.memory();

    private TierBackup()
    {
    }

    /**
     * Save the segments' bytes to {@code side}, complete and forced to the device before the name exists.
     *
     * @param hash   the map, its segments not changed yet.
     * @param chains the segments to save, with their tiers.
     * @param side   {@code store.dat.repair}.
     * @throws IOException when the file cannot be written.
     */
    static void save(final VanillaChronicleHash<?, ?, ?, ?> hash, final List<SegmentChain> chains, final Path side)
        throws IOException
    {
        final Path temporary = side.resolveSibling(side.getFileName() + ".tmp");
        final byte[] buffer = new byte[BLOCK];
        final CRC32C crc = new CRC32C();
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
                new BufferedOutputStream(Channels.newOutputStream(channel), BLOCK), crc)))
        {
            out.writeLong(MAGIC);
            out.writeLong(hash.tierSize);
            out.writeInt(chains.size());
            for (final SegmentChain chain : chains)
            {
                out.writeInt(chain.segment());
                out.writeInt(chain.length());
                copyOut(hash.segmentHeaderAddress(chain.segment()), SEGMENT_HEADER_BYTES, buffer, out);
                for (int tier = 0; tier < chain.length(); tier++)
                {
                    out.writeLong(chain.tierIndex(tier));
                    copyOut(hash.tierIndexToBaseAddr(chain.tierIndex(tier)), hash.tierSize, buffer, out);
                }
            }
            out.writeInt((int)crc.getValue());
            out.flush();
            channel.force(true);
        }
        Files.move(temporary, side, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Check the side file whole, then write its bytes back into the map.
     *
     * @param hash the map the file was saved from.
     * @param side {@code store.dat.repair}.
     * @return the indexes of the segments written back, in the order saved.
     * @throws IOException when the file is unreadable, damaged or of another map; nothing was written then.
     */
    static int[] restore(final VanillaChronicleHash<?, ?, ?, ?> hash, final Path side) throws IOException
    {
        read(hash, side, false);
        return read(hash, side, true);
    }

    private static int[] read(final VanillaChronicleHash<?, ?, ?, ?> hash, final Path side, final boolean write)
        throws IOException
    {
        final byte[] buffer = new byte[BLOCK];
        final CRC32C crc = new CRC32C();
        try (DataInputStream in = new DataInputStream(new CheckedInputStream(
            new BufferedInputStream(Files.newInputStream(side), BLOCK), crc)))
        {
            if (in.readLong() != MAGIC || in.readLong() != hash.tierSize)
            {
                throw new IOException("not a repair file of this store: " + side);
            }
            final int count = in.readInt();
            if (count < 0 || count > hash.segments())
            {
                throw new IOException("damaged repair file " + side + ": " + count + " segments");
            }
            final int[] segments = new int[count];
            for (int i = 0; i < count; i++)
            {
                segments[i] = in.readInt();
                final int tiers = in.readInt();
                if (segments[i] < 0 || segments[i] >= hash.segments() || tiers < 1)
                {
                    throw new IOException("damaged repair file " + side + ": segment " + segments[i]);
                }
                copyIn(in, hash.segmentHeaderAddress(segments[i]), SEGMENT_HEADER_BYTES, buffer, write);
                for (int tier = 0; tier < tiers; tier++)
                {
                    final long tierIndex = in.readLong();
                    requireMapped(hash, tierIndex, side);
                    copyIn(in, hash.tierIndexToBaseAddr(tierIndex), hash.tierSize, buffer, write);
                }
            }
            final int expected = (int)crc.getValue();
            if (in.readInt() != expected || in.read() != -1)
            {
                throw new IOException("damaged repair file " + side + ": checksum");
            }
            return segments;
        }
        catch (final EOFException ex)
        {
            throw new IOException("damaged repair file " + side + ": cut short", ex);
        }
    }

    private static void requireMapped(final VanillaChronicleHash<?, ?, ?, ?> hash, final long tierIndex,
        final Path side) throws IOException
    {
        final long extra = tierIndex - 1 - hash.actualSegments;
        if (tierIndex < 1 || extra >= hash.globalMutableState().getExtraTiersInUse())
        {
            throw new IOException("damaged repair file " + side + ": tier " + tierIndex);
        }
    }

    private static void copyOut(final long address, final long length, final byte[] buffer,
        final DataOutputStream out) throws IOException
    {
        long done = 0;
        while (done < length)
        {
            final int chunk = (int)Math.min(buffer.length, length - done);
            MEMORY.readBytes(address + done, buffer, 0, chunk);
            out.write(buffer, 0, chunk);
            done += chunk;
        }
    }

    private static void copyIn(final DataInputStream in, final long address, final long length,
        final byte[] buffer, final boolean write) throws IOException
    {
        long done = 0;
        while (done < length)
        {
            final int chunk = (int)Math.min(buffer.length, length - done);
            in.readFully(buffer, 0, chunk);
            if (write)
            {
                MEMORY.writeBytes(address + done, buffer, 0, chunk);
            }
            done += chunk;
        }
    }
}
