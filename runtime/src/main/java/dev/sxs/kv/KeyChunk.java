package dev.sxs.kv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A run of sorted keys packed in one byte array: key bytes are appended to {@code data}, and the
 * sorted order lives in two parallel int arrays of offsets and lengths. Removing a key leaves its
 * bytes as garbage until the next compaction.
 * <p>
 * A chunk owns the key range {@code [lower, upper)}; {@code upper} is null for the last chunk.
 * <p>
 * Threading: not thread-safe; {@link ChunkedKeyIndex} guards every access with the chunk's monitor.
 * Allocation: grows its arrays by doubling; never allocates on lookup.
 */
final class KeyChunk
{
    private static final int INITIAL_SLOTS = 16;
    private static final int INITIAL_BYTES = 256;

    final byte[] lower;
    byte[] upper;
    boolean dead;

    private byte[] data;
    private int used;
    private int garbage;
    private int[] offsets;
    private int[] lengths;
    private int count;

    KeyChunk(final byte[] lower, final byte[] upper)
    {
        this.lower = lower;
        this.upper = upper;
        this.data = new byte[INITIAL_BYTES];
        this.offsets = new int[INITIAL_SLOTS];
        this.lengths = new int[INITIAL_SLOTS];
    }

    /**
     * @param key a position in key space.
     * @return true when this live chunk owns the range holding {@code key}.
     */
    boolean covers(final byte[] key)
    {
        return !dead && (upper == null || Arrays.compareUnsigned(key, upper) < 0);
    }

    int count()
    {
        return count;
    }

    int liveBytes()
    {
        return used - garbage;
    }

    /**
     * @param key the key.
     * @return its slot, or {@code -(insertionPoint + 1)} when absent.
     */
    int search(final byte[] key)
    {
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final int off = offsets[mid];
            final int cmp = Arrays.compareUnsigned(data, off, off + lengths[mid], key, 0, key.length);
            if (cmp < 0)
            {
                low = mid + 1;
            }
            else if (cmp > 0)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -(low + 1);
    }

    /**
     * @param key a position in key space.
     * @return the first slot whose key is at or after {@code key}; {@link #count()} when none.
     */
    int ceilingSlot(final byte[] key)
    {
        final int slot = search(key);
        return slot >= 0 ? slot : -(slot + 1);
    }

    boolean insert(final byte[] key)
    {
        final int slot = search(key);
        if (slot >= 0)
        {
            return false;
        }
        insertAt(-(slot + 1), key, 0, key.length);
        return true;
    }

    boolean delete(final byte[] key)
    {
        final int slot = search(key);
        if (slot < 0)
        {
            return false;
        }
        garbage += lengths[slot];
        final int tail = count - slot - 1;
        System.arraycopy(offsets, slot + 1, offsets, slot, tail);
        System.arraycopy(lengths, slot + 1, lengths, slot, tail);
        count--;
        if (count == 0)
        {
            used = 0;
            garbage = 0;
        }
        return true;
    }

    /** Append a key known to sort after every key of this chunk. */
    void append(final byte[] source, final int offset, final int length)
    {
        insertAt(count, source, offset, length);
    }

    boolean startsWith(final int slot, final byte[] prefix)
    {
        final int len = lengths[slot];
        if (len < prefix.length)
        {
            return false;
        }
        final int off = offsets[slot];
        return Arrays.equals(data, off, off + prefix.length, prefix, 0, prefix.length);
    }

    String keyString(final int slot)
    {
        return new String(data, offsets[slot], lengths[slot], StandardCharsets.UTF_8);
    }

    byte[] keyBytes(final int slot)
    {
        final int off = offsets[slot];
        return Arrays.copyOfRange(data, off, off + lengths[slot]);
    }

    /**
     * Move the upper half of the keys to a new chunk that takes over the range from its first key.
     *
     * @return the new chunk, not yet published.
     */
    KeyChunk splitUpper()
    {
        final int mid = count >>> 1;
        final byte[] splitKey = keyBytes(mid);
        final KeyChunk right = new KeyChunk(splitKey, upper);
        for (int i = mid; i < count; i++)
        {
            right.append(data, offsets[i], lengths[i]);
        }
        int live = 0;
        for (int i = 0; i < mid; i++)
        {
            live += lengths[i];
        }
        count = mid;
        upper = splitKey;
        compact(Math.max(INITIAL_BYTES, live * 2));
        return right;
    }

    /** Take every key of {@code right}, the chunk owning the range just after this one. */
    void absorb(final KeyChunk right)
    {
        for (int i = 0; i < right.count; i++)
        {
            append(right.data, right.offsets[i], right.lengths[i]);
        }
        upper = right.upper;
    }

    /**
     * @return heap bytes held by this chunk's arrays (an estimate of the object headers included).
     */
    long heapBytes()
    {
        return 64L + lower.length + 16 + data.length + 16 + 4L * offsets.length + 16 + 4L * lengths.length + 16;
    }

    private void insertAt(final int slot, final byte[] source, final int offset, final int length)
    {
        if (count == offsets.length)
        {
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        if (used + length > data.length)
        {
            if (garbage > 0 && (used - garbage) + length <= data.length)
            {
                compact(0);
            }
            else
            {
                compact(Math.max(data.length * 2, used - garbage + length));
            }
        }
        System.arraycopy(source, offset, data, used, length);
        final int tail = count - slot;
        System.arraycopy(offsets, slot, offsets, slot + 1, tail);
        System.arraycopy(lengths, slot, lengths, slot + 1, tail);
        offsets[slot] = used;
        lengths[slot] = length;
        used += length;
        count++;
    }

    /** Rewrite the live keys in order, into a new array of {@code newCapacity} bytes when positive. */
    private void compact(final int newCapacity)
    {
        final byte[] target = new byte[newCapacity > 0 ? newCapacity : Math.max(INITIAL_BYTES, data.length)];
        int at = 0;
        for (int i = 0; i < count; i++)
        {
            System.arraycopy(data, offsets[i], target, at, lengths[i]);
            offsets[i] = at;
            at += lengths[i];
        }
        data = target;
        used = at;
        garbage = 0;
    }
}
