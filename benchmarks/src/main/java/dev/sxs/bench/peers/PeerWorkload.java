package dev.sxs.bench.peers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.sxs.bench.kv.KvBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

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
 * Where the keys come from ({@link #keySource}): {@code built}, the default, makes each operation's key and value
 * from its number (two small allocations, the same cost at every size, in the cache like a key a service takes
 * from a request); {@code table} reads them from arrays made at the start, which at 10M keys hold 30M strings
 * (3 GB of heap), so each operation also pays two or three cache and TLB misses in the benchmark's own table that
 * grow with the size: fine for comparing stores at one size, misleading for the growth between sizes.
 * A subclass makes the keys ({@link #makeKeys}), fills and opens its store, and sets {@link #peer}.
 * Threading: one benchmark thread.
 */
@State(Scope.Benchmark)
public abstract class PeerWorkload
{
    private static final byte[] NAME = "user:0000000:name".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FRESH = "user:0000000:new".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGITS_END = "user:0000000".length();
    private static final int PREFIX_LENGTH = "user:00000".length();

    /** Where each operation's key and value come from: {@code built} from its number, or a {@code table}. */
    @Param({"built"})
    public String keySource;

    /** The store under measurement, opened by the subclass's setup. */
    protected PeerStore peer;
    private int count;
    private String[] names;
    private String[] fresh;
    private String[] values;

    /**
     * Make the keys and values of {@code keys} keys (only for the {@code table} source).
     *
     * @param keys keys in the store.
     */
    protected void makeKeys(final int keys)
    {
        count = keys;
        if (!"table".equals(keySource))
        {
            if (!"built".equals(keySource))
            {
                throw new IllegalArgumentException("keySource is built or table, not " + keySource);
            }
            return;
        }
        names = new String[keys];
        fresh = new String[keys];
        values = new String[keys];
        for (int i = 0; i < keys; i++)
        {
            names[i] = key(NAME, i);
            fresh[i] = key(FRESH, i);
            values[i] = Integer.toString(i);
        }
    }

    /**
     * @param i the key's number.
     * @return the existing key {@code user:%07d:name}.
     */
    protected String name(final int i)
    {
        return names == null ? key(NAME, i) : names[i];
    }

    /**
     * @param i the key's number.
     * @return the key {@code user:%07d:new}, never stored.
     */
    protected String fresh(final int i)
    {
        return fresh == null ? key(FRESH, i) : fresh[i];
    }

    /**
     * @param i the key's number.
     * @return its value, the number in decimal.
     */
    protected String value(final int i)
    {
        return values == null ? Integer.toString(i) : values[i];
    }

    /**
     * Put every key into {@code store}, in random order.
     *
     * @param store the store to fill.
     */
    protected void fill(final PeerStore store)
    {
        for (final int i : KvBenchmark.shuffled(count))
        {
            store.put(name(i), value(i));
        }
    }

    /** The template with {@code i} in its seven digits, without {@code String.format}. */
    private static String key(final byte[] template, final int i)
    {
        final byte[] bytes = template.clone();
        int n = i;
        for (int at = DIGITS_END - 1; n > 0; at--)
        {
            bytes[at] = (byte)('0' + n % 10);
            n /= 10;
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private int next()
    {
        return ThreadLocalRandom.current().nextInt(count);
    }

    /**
     * @return the value of a random existing key.
     */
    @Benchmark
    public String get()
    {
        return peer.get(name(next()));
    }

    /** Overwrite a random existing key. */
    @Benchmark
    public void put()
    {
        final int i = next();
        peer.put(name(i), value(i));
    }

    /** Insert a new key, then remove it. */
    @Benchmark
    public void insertRemove()
    {
        final int i = next();
        final String key = fresh(i);
        peer.put(key, value(i));
        peer.remove(key);
    }

    /**
     * @return true: the compare-and-set of a random existing key to its own value.
     */
    @Benchmark
    public boolean cas()
    {
        final int i = next();
        final String value = value(i);
        return peer.cas(name(i), value, value);
    }

    /**
     * @return the 100 keys of a random prefix.
     */
    @Benchmark
    public List<String> prefix100()
    {
        final int prefix = ThreadLocalRandom.current().nextInt(count / 100) * 100;
        return peer.prefix(key(NAME, prefix).substring(0, PREFIX_LENGTH), 100);
    }
}
