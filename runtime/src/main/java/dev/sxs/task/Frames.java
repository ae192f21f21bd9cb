package dev.sxs.task;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.core.StoredValues;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The layout of a task's frame and its one atomic write, the redo record. A frame (a key prefix in the
 * spawning scope) holds {@code pc}, {@code state}, {@code arg:NAME}, {@code local:NAME} and at the end
 * {@code result} or {@code error}, plus the engine's hidden keys ({@link #CODE}, {@link #WAIT}, {@link #REDO}).
 * <p>
 * A commit writes the redo record (the target pc and every put and removal of the step) in one put,
 * applies the writes and the pc, then deletes the record ({@link #commit}); a step whose next step runs at once
 * leaves it in place for the next commit to overwrite ({@link #commitStep}), and {@link #settle} deletes it when
 * the run stops. After a crash a present record is applied again ({@link #recover}): every write is an absolute
 * put or a removal, so applying twice is applying once. So a step's frame writes and its pc advance are visible
 * together, all or none. Every write that overwrites a key in place (the writes, the pc) is made while the record
 * that holds it is complete in the store, because the store may drop an entry whose overwrite a crash cut short
 * (its checksum no longer matches when the copy is recovered, store.md): such a write is applied again from the
 * record; a cut-short write of the record itself leaves the frame as the last commit left it (the last record's
 * writes and pc were all applied before it), so the step runs again.
 * <p>
 * Threading: stateless; a caller serialises the commits of one frame. Failure: store exceptions pass.
 */
final class Frames
{
    /** The index of the next step. */
    static final String PC = "pc";
    /** The state's label, as a string value. */
    static final String STATE = "state";
    /** Prefix of the arguments. */
    static final String ARG = "arg:";
    /** The value of a finished task. */
    static final String RESULT = "result";
    /** The message of a failed task. */
    static final String ERROR = "error";
    /** Prefix of the child frames of {@code core/task/call}. */
    static final String STACK = "stack:";
    /**
     * The function's name, who spawned the task, when it ended and the function's text copied at spawn
     * ({@link FrameHeader}).
     */
    static final String CODE = HiddenKeys.TASKS + "code";
    /** What a waiting or paused task waits for. */
    static final String WAIT = HiddenKeys.TASKS + "wait";
    /** The redo record of a commit under way. */
    static final String REDO = HiddenKeys.TASKS + "redo";

    private static final int PAGE = 512;

    private Frames()
    {
    }

    /**
     * @param state a state.
     * @return its stored form ({@link #STATE}'s value), e.g. {@code "paused"} with the quotes.
     */
    static String label(final TaskState state)
    {
        return StoredValues.encode(new StrValue(state.label()));
    }

    /**
     * Commit a step's writes and the pc (moved or not) together: the record, the writes and pc, the record
     * deleted. The writes are applied from the maps given, not parsed back from the record.
     *
     * @param frame   the frame's store.
     * @param pc      the target pc (written as {@link #PC}).
     * @param puts    keys and values (stored text) to put.
     * @param removes keys to remove.
     */
    static void commit(final KvStore frame, final long pc, final Map<String, String> puts,
        final Collection<String> removes)
    {
        commitStep(frame, pc, puts, removes);
        frame.remove(REDO);
    }

    /**
     * Commit as {@link #commit} does but leave the record in place (overwritten by the next commit, or deleted by
     * {@link #settle}): one write less per step, and no entry inserted and removed per step. Only for a task whose
     * next write of its frame is the engine's own next commit or settle.
     *
     * @param frame   the frame's store.
     * @param pc      the target pc (written as {@link #PC}).
     * @param puts    keys and values (stored text) to put.
     * @param removes keys to remove.
     */
    static void commitStep(final KvStore frame, final long pc, final Map<String, String> puts,
        final Collection<String> removes)
    {
        final String target = Long.toString(pc);
        frame.put(REDO, record(target, puts, removes));
        apply(frame, target, puts, removes);
    }

    /**
     * Delete the record a {@link #commitStep} left: its writes and pc are applied.
     *
     * @param frame the frame's store.
     */
    static void settle(final KvStore frame)
    {
        frame.remove(REDO);
    }

    /**
     * Apply a redo record left by a crash, if any.
     *
     * @param frame the frame's store.
     * @return true when there was one.
     */
    static boolean recover(final KvStore frame)
    {
        final String record = frame.get(REDO);
        if (record == null)
        {
            return false;
        }
        apply(frame, record);
        frame.remove(REDO);
        return true;
    }

    /**
     * Remove every key of a frame, hidden ones included.
     *
     * @param frame the frame's store.
     */
    static void removeAll(final KvStore frame)
    {
        List<String> keys = frame.keys("", 0, PAGE);
        while (!keys.isEmpty())
        {
            for (final String key : keys)
            {
                frame.remove(key);
            }
            keys = keys.size() < PAGE ? List.of() : frame.keys("", 0, PAGE);
        }
    }

    private static String record(final String pc, final Map<String, String> puts, final Collection<String> removes)
    {
        final StringBuilder record = new StringBuilder(64).append(pc).append('\n');
        for (final Map.Entry<String, String> e : puts.entrySet())
        {
            field(field(record.append('P'), e.getKey()), e.getValue());
        }
        for (final String key : removes)
        {
            field(record.append('R'), key);
        }
        return record.toString();
    }

    /** Apply a commit's writes, then its pc. */
    private static void apply(final KvStore frame, final String pc, final Map<String, String> puts,
        final Collection<String> removes)
    {
        for (final Map.Entry<String, String> e : puts.entrySet())
        {
            frame.put(e.getKey(), e.getValue());
        }
        for (final String key : removes)
        {
            frame.remove(key);
        }
        frame.put(PC, pc);
    }

    /** Parse and apply a record: the pc line, then {@code P} puts and {@code R} removals. */
    private static void apply(final KvStore frame, final String record)
    {
        final int eol = record.indexOf('\n');
        final String pc = record.substring(0, eol);
        int at = eol + 1;
        final List<String> parts = new ArrayList<>(2);
        while (at < record.length())
        {
            final char op = record.charAt(at++);
            parts.clear();
            at = read(record, at, parts);
            if (op == 'P')
            {
                at = read(record, at, parts);
                frame.put(parts.get(0), parts.get(1));
            }
            else
            {
                frame.remove(parts.get(0));
            }
        }
        frame.put(PC, pc);
    }

    private static StringBuilder field(final StringBuilder out, final String text)
    {
        return out.append(text.length()).append(':').append(text);
    }

    private static int read(final String record, final int from, final List<String> into)
    {
        final int colon = record.indexOf(':', from);
        final int length = Integer.parseInt(record, from, colon, 10);
        into.add(record.substring(colon + 1, colon + 1 + length));
        return colon + 1 + length;
    }
}
