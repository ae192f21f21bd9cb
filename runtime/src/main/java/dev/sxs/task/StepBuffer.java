package dev.sxs.task;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.HiddenKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The store a step's script sees: the task's frame (or a child frame {@code stack:N:} of it), with every
 * write buffered in the {@link Step} until the step commits. Stored functions ({@code "\0fn:"} keys) and,
 * inside {@code core/task/shared}, every key, go straight to the spawning scope instead.
 * <p>
 * Threading: confined to the step's thread. Allocation: one key string per call.
 */
final class StepBuffer implements KvStore
{
    private final Step step;
    private final String prefix;

    /**
     * @param step   the step.
     * @param prefix the frame's prefix inside the task's frame: "" or {@code stack:N:}.
     */
    StepBuffer(final Step step, final String prefix)
    {
        this.step = step;
        this.prefix = prefix;
    }

    /** @return the step this view belongs to. */
    Step step()
    {
        return step;
    }

    /** @return the prefix of this view inside the task's frame. */
    String prefix()
    {
        return prefix;
    }

    private boolean shared(final String key)
    {
        return step.sharedMode || key.startsWith(HiddenKeys.FUNCTIONS);
    }

    @Override
    public String get(final String key)
    {
        return shared(key) ? step.shared.get(key) : step.get(prefix + key);
    }

    @Override
    public void put(final String key, final String value)
    {
        if (shared(key))
        {
            step.shared.put(key, value);
        }
        else
        {
            step.put(prefix + key, value);
        }
    }

    @Override
    public boolean putIfAbsent(final String key, final String value)
    {
        if (shared(key))
        {
            return step.shared.putIfAbsent(key, value);
        }
        if (step.get(prefix + key) != null)
        {
            return false;
        }
        step.put(prefix + key, value);
        return true;
    }

    @Override
    public boolean replace(final String key, final String expected, final String value)
    {
        if (shared(key))
        {
            return step.shared.replace(key, expected, value);
        }
        final String current = step.get(prefix + key);
        if (current == null || !current.equals(expected))
        {
            return false;
        }
        step.put(prefix + key, value);
        return true;
    }

    @Override
    public boolean remove(final String key)
    {
        return shared(key) ? step.shared.remove(key) : step.remove(prefix + key);
    }

    @Override
    public boolean containsKey(final String key)
    {
        return get(key) != null;
    }

    @Override
    public List<String> keys(final String keyPrefix, final long offset, final int limit)
    {
        if (shared(keyPrefix))
        {
            return step.shared.keys(keyPrefix, offset, limit);
        }
        final List<String> full = step.keys(prefix + keyPrefix, offset, limit);
        final List<String> out = new ArrayList<>(full.size());
        for (final String key : full)
        {
            out.add(key.substring(prefix.length()));
        }
        return out;
    }

    @Override
    public KvStore scoped(final String scope)
    {
        return scope.isEmpty() ? this : new StepBuffer(step, prefix + scope);
    }

    @Override
    public long size()
    {
        return step.frame.size();
    }

    @Override
    public long capacity()
    {
        return step.frame.capacity();
    }

    @Override
    public long offHeapBytes()
    {
        return step.frame.offHeapBytes();
    }

    @Override
    public Path file()
    {
        return step.frame.file();
    }

    /** Nothing to release: the frame's store belongs to the runtime. */
    @Override
    public void close()
    {
        // a view
    }
}
