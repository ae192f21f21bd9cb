package dev.sxs.lang;

import dev.sxs.entity.Entities;
import dev.sxs.kv.KvStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys a script can never reach: every key holding the character U+0000. The language keeps its own
 * data under them inside each scope (stored functions under {@link #FUNCTIONS}); the key commands refuse
 * such keys, and {@link #visible} leaves them out of every iteration, so a script can neither name, list
 * nor overwrite them, in its own scope or a scope below it.
 * <p>
 * Threading: stateless. Allocation: {@link #isHidden} none.
 */
public final class HiddenKeys
{
    /** The character that marks a hidden key. */
    public static final char MARK = '\u0000';
    /** The hidden prefix, inside a scope, of the stored functions: {@code "\0fn:" + NAME}. */
    public static final String FUNCTIONS = MARK + "fn:";
    /**
     * The hidden prefix, in the root store, of the entities ({@link Entities}): {@code "\0entity:" + ID}. Not even
     * an operator's JMX store view lists or touches it ({@link #isReserved}); entities change through their own
     * commands.
     */
    public static final String ENTITIES = Entities.PREFIX;

    /**
     * The hidden prefix of durable tasks (docs/tasks.md): at the root the task index {@code "\0task:" + ID},
     * inside a task's frame the engine's own keys (code, redo record, wait, end time).
     */
    public static final String TASKS = MARK + "task:";

    private static final int PAGE = 1024;

    private HiddenKeys()
    {
    }

    /**
     * @param key a key (scope removed) or key prefix.
     * @return true when the key is hidden from scripts.
     */
    public static boolean isHidden(final String key)
    {
        return key.indexOf(MARK) >= 0;
    }

    /**
     * @param rootKey a key of the root store.
     * @return true when it lies under a prefix only sxs itself may touch ({@link #ENTITIES}, the task index
     *         {@link #TASKS}). Allocation: none.
     */
    public static boolean isReserved(final String rootKey)
    {
        return rootKey.startsWith(ENTITIES) || rootKey.startsWith(TASKS);
    }

    /**
     * The keys of a store view that a script may see: like {@link KvStore#keys}, with the hidden keys left
     * out and not counted by {@code offset} or {@code limit}. When no hidden key is among the first
     * {@code limit} matches this is one call of {@link KvStore#keys}; a nonzero offset, or hidden keys in
     * the way, walk the matching keys from the start in pages.
     *
     * @param store  the scoped store.
     * @param prefix the key prefix (not hidden itself).
     * @param offset visible keys to skip, not negative.
     * @param limit  visible keys at most, not negative.
     * @return the keys, in ascending UTF-8 byte order, a new list.
     */
    public static List<String> visible(final KvStore store, final String prefix, final long offset, final int limit)
    {
        if (offset == 0)
        {
            final List<String> first = store.keys(prefix, 0, limit);
            if (noneHidden(first))
            {
                return first;
            }
        }
        final List<String> out = new ArrayList<>(Math.min(limit, PAGE));
        long skip = offset;
        long position = 0;
        while (out.size() < limit)
        {
            final List<String> page = store.keys(prefix, position, PAGE);
            for (final String key : page)
            {
                if (isHidden(key))
                {
                    continue;
                }
                if (skip > 0)
                {
                    skip--;
                    continue;
                }
                out.add(key);
                if (out.size() == limit)
                {
                    return out;
                }
            }
            if (page.size() < PAGE)
            {
                return out;
            }
            position += page.size();
        }
        return out;
    }

    private static boolean noneHidden(final List<String> keys)
    {
        for (final String key : keys)
        {
            if (isHidden(key))
            {
                return false;
            }
        }
        return true;
    }
}
