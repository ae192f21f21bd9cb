package dev.sxs.bench.peers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.sxs.bench.kv.KvBenchmark;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The one key/value workload of the peer suites ({@link PeerStoreBenchmark} across stores, {@link GrowthBenchmark}
 * across sizes): keys of 17 bytes {@code user:0001234:name}, values of up to 7 digits, every operation on a random
 * key, and the five operations as JMH benchmark methods that the subclasses inherit:
 * <ul>
 *   <li>{@code get}: read an existing key;</li>
 *   <li>{@code put}: overwrite an existing key;</li>
 *   <li>{@code insertRemove}: insert a new key ({@code user:0001234:new}) and remove it;</li>
 *   <li>{@code cas}: compare-and-set an existing key from its value to the same value (always succeeds, always
 *       writes): native where the store has it, a transaction where not (see each {@link PeerStore});</li>
 *   <li>{@code prefix100}: the 100 keys of a random prefix {@code user:00012} in order.</li>
 * </ul>
 * A subclass makes the keys ({@link #makeKeys}), fills and opens its store, and sets {@link #peer}.
 * Threading: one benchmark thread.
 */
public abstract class PeerWorkload
{
    /** The store under measurement, opened by the subclass's setup. */
    protected PeerStore peer;
    /** Existing keys, {@code user:%07d:name}. */
    protected String[] names;
    /** Keys never stored, {@code user:%07d:new}. */
    protected String[] fresh;
    /** The value of each key: its number. */
    protected String[] values;
    /** Prefixes of 100 keys each, {@code user:%05d}. */
    protected String[] prefixes;

    /**
     * Make the keys, values and prefixes of {@code count} keys.
     *
     * @param count keys in the store.
     */
    protected void makeKeys(final int count)
    {
        names = new String[count];
        fresh = new String[count];
        values = new String[count];
        for (int i = 0; i < count; i++)
        {
            names[i] = key(i, ":name");
            fresh[i] = key(i, ":new");
            values[i] = Integer.toString(i);
        }
        prefixes = new String[count / 100];
        for (int i = 0; i < prefixes.length; i++)
        {
            prefixes[i] = key(i * 100, "").substring(0, "user:00000".length());
        }
    }

    /**
     * Put every key into {@code store}, in random order.
     *
     * @param store the store to fill.
     */
    protected void fill(final PeerStore store)
    {
        for (final int i : KvBenchmark.shuffled(names.length))
        {
            store.put(names[i], values[i]);
        }
    }

    /** {@code user:%07d} and the suffix, without {@code String.format} (30M keys are made at 10M). */
    private static String key(final int i, final String suffix)
    {
        final byte[] digits = "user:0000000".getBytes(StandardCharsets.US_ASCII);
        int n = i;
        for (int at = digits.length - 1; n > 0; at--)
        {
            digits[at] = (byte)('0' + n % 10);
            n /= 10;
        }
        return new String(digits, StandardCharsets.US_ASCII) + suffix;
    }

    private int next()
    {
        return ThreadLocalRandom.current().nextInt(names.length);
    }

    /**
     * @return the value of a random existing key.
     */
    @Benchmark
    public String get()
    {
        return peer.get(names[next()]);
    }

    /** Overwrite a random existing key. */
    @Benchmark
    public void put()
    {
        final int i = next();
        peer.put(names[i], values[i]);
    }

    /** Insert a new key, then remove it. */
    @Benchmark
    public void insertRemove()
    {
        final int i = next();
        peer.put(fresh[i], values[i]);
        peer.remove(fresh[i]);
    }

    /**
     * @return true: the compare-and-set of a random existing key to its own value.
     */
    @Benchmark
    public boolean cas()
    {
        final int i = next();
        return peer.cas(names[i], values[i], values[i]);
    }

    /**
     * @return the 100 keys of a random prefix.
     */
    @Benchmark
    public List<String> prefix100()
    {
        return peer.prefix(prefixes[ThreadLocalRandom.current().nextInt(prefixes.length)], 100);
    }
}
