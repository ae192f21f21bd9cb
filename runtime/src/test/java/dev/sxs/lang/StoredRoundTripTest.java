package dev.sxs.lang;

import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;
import dev.sxs.lang.core.StoredValues;
import dev.sxs.runtime.ValuePayloadCodec;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything the language lets a script store or publish reads back equal: odd text (lone surrogates, byte order
 * marks) and deep nesting are either stored losslessly or refused when written, never stored broken.
 */
class StoredRoundTripTest
{
    private static final String ODD = "a\"\\\n\uD800\uDC00\uDBFF\uFEFF😀é ;()[]{}'@";

    @Test
    void shouldRefuseKeysWithALoneSurrogateInEveryCommand()
    {
        try (Sxs sxs = new Sxs())
        {
            final String tail = ": key holds a lone UTF-16 surrogate U+D800 at index 1\"";
            assertEquals("@\"core/kv/set" + tail, sxs.eval("(core/kv/set \"a\uD800\" 1)"));
            assertEquals("@\"core/kv/snx" + tail, sxs.eval("(core/kv/snx \"a\uD800\" 1)"));
            assertEquals("@\"core/kv/incr" + tail, sxs.eval("(core/kv/incr \"a\uD800\")"));
            assertEquals("@\"core/kv/get" + tail, sxs.eval("(core/kv/get \"a\uD800\")"));
            assertEquals("@\"core/kv/del" + tail, sxs.eval("(core/kv/del \"a\uD800\")"));
            assertEquals("true\n\"ok\"", sxs.eval("(core/kv/set \"a\uD83D\uDE00\" \"ok\") (core/kv/get \"a😀\")"));
            assertEquals("@\"core/kv/iterate: PREFIX holds a lone UTF-16 surrogate U+DC00 at index 0\"",
                sxs.eval("(core/kv/iterate \"\uDC00\" 0 10 {})"));
            assertEquals("@\"api.eval: scope holds a lone UTF-16 surrogate U+D800 at index 1\"",
                sxs.evalIn("s\uD800:", "(core/kv/set a 1)"));
        }
    }

    @Test
    void shouldRefuseToStoreOrPublishAValueNestedDeeperThanTheReaderReads()
    {
        try (Sxs sxs = new Sxs())
        {
            final String deeper = "(core/kv/set k (core/list/new (core/kv/get k)))\n";
            assertEquals("true", sxs.eval("(core/kv/set k 0)"));
            for (int level = 0; level < Reader.MAX_DEPTH; level += 100)
            {
                // a hundred levels per script: all of them in one ran out of the 5 s budget on a loaded machine
                sxs.eval(deeper.repeat(Math.min(100, Reader.MAX_DEPTH - level)));
            }
            final String stored = sxs.eval("(core/kv/get k)");
            assertEquals("[".repeat(Reader.MAX_DEPTH) + "0" + "]".repeat(Reader.MAX_DEPTH), stored);
            final String refusal = ": value nested deeper than " + Reader.MAX_DEPTH
                + " levels would not read back\"";
            assertEquals("@\"core/kv/set" + refusal, sxs.eval(deeper));
            assertEquals(stored, sxs.eval("(core/kv/get k)"));
            assertEquals("@\"core/event/pub" + refusal,
                sxs.eval("(core/event/pub A 1 (core/list/new (core/kv/get k)))"));
        }
    }

    @Test
    void shouldReadBackEqualEverythingThatMayBeStored()
    {
        final Random random = new Random(2026);
        int stored = 0;
        int refused = 0;
        try (ChronicleKvStore store = ChronicleKvStore.open(KvOptions.inMemory(10_000)))
        {
            for (int i = 0; i < 3_000; i++)
            {
                final Value value = randomValue(random, random.nextInt(12) == 0 ? 1_100 : 4);
                final String problem = StoredValues.unreadable(value);
                if (problem != null)
                {
                    refused++;
                    continue;
                }
                stored++;
                final String text = StoredValues.encode(value);
                store.put("k" + i, text);
                assertEquals(value, StoredValues.decode(store.get("k" + i)), () -> "stored " + text);
                assertEquals(value, ValuePayloadCodec.INSTANCE.decode(ValuePayloadCodec.INSTANCE.encode(value)));
                final Bytes<?> bytes = Bytes.allocateElasticOnHeap();
                bytes.writeUtf8(text);
                final StringBuilder back = new StringBuilder();
                bytes.readUtf8(back);
                assertEquals(text, back.toString(), "journal text");
            }
        }
        assertTrue(stored > 1000 && refused > 100, stored + " stored, " + refused + " refused");
    }

    private static Value randomValue(final Random random, final int depth)
    {
        if (depth > 10)
        {
            Value deep = IntValue.of(1);
            for (int i = 0; i < depth; i++)
            {
                deep = new ListValue(ListKind.SEQUENCE, List.of(deep));
            }
            return deep;
        }
        final int kind = random.nextInt(depth > 0 ? 7 : 4);
        switch (kind)
        {
            case 0:
                return IntValue.of(random.nextLong());
            case 1:
                return new RealValue(random.nextDouble() * 1e6 - 5e5);
            case 2:
                return new StrValue(randomText(random));
            case 3:
                final String name = randomText(random).replaceAll("[\\s\"\\\\;()\\[\\]{}'@]", "");
                return new SymValue(name.isEmpty() || Character.isDigit(name.charAt(0)) ? "s" + name : name);
            default:
                final List<Value> items = new ArrayList<>();
                final int n = random.nextInt(4);
                for (int i = 0; i < n; i++)
                {
                    items.add(randomValue(random, depth - 1));
                }
                return new ListValue(ListKind.values()[kind - 4], items);
        }
    }

    private static String randomText(final Random random)
    {
        final StringBuilder out = new StringBuilder();
        final int n = random.nextInt(8);
        for (int i = 0; i < n; i++)
        {
            out.append(ODD.charAt(random.nextInt(ODD.length())));
        }
        return out.toString();
    }
}
