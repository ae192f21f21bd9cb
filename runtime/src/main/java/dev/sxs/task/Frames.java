package dev.sxs.task;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.HiddenKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The layout of a task's frame and its one atomic write, the redo record. A frame (a key prefix in the
 * spawning scope) holds {@code pc}, {@code state}, {@code arg:NAME}, {@code local:NAME} and at the end
 * {@code result} or {@code error}, plus the engine's hidden keys ({@link #CODE}, {@link #META},
 * {@link #WAIT}, {@link #ENDED}, {@link #REDO}).
 * <p>
 * A commit writes the redo record (the target pc and every put and removal of the step) in one put,
 * applies the writes, then deletes the record. After a crash a present record is applied again
 * ({@link #recover}): every write is an absolute put or a removal, so applying twice is applying once.
 * So a step's frame writes and its pc advance are visible together, all or none. A step that only moves
 * {@code pc} on by one ({@link #advance}, the common case) leaves its record in place instead of deleting it:
 * the record names the pc it moves from, and recovery applies it only while the frame's {@code pc} is still
 * that one (the commit did not reach its last write), so the next step's record overwrites it in place: one
 * store write less per step, and no insert and removal of the record's entry.
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
    /** The function's stored text, {@code [(PARAM ...) {BODY}]}, copied at spawn. */
    static final String CODE = HiddenKeys.TASKS + "code";
    /** {@code [FN PRINCIPAL]}: the function's name and who spawned the task. */
    static final String META = HiddenKeys.TASKS + "meta";
    /** What a waiting or paused task waits for. */
    static final String WAIT = HiddenKeys.TASKS + "wait";
    /** When a task ended, epoch milliseconds. */
    static final String ENDED = HiddenKeys.TASKS + "ended";
    /** The redo record of a commit under way, or of a task's last plain step (kept, applied already). */
    static final String REDO = HiddenKeys.TASKS + "redo";

    private static final int PAGE = 512;
    /** In a record's first line, before the pc an {@link #advance} moves from. */
    private static final char FROM = '@';

    private Frames()
    {
    }

    /**
     * Commit a step's writes and the pc (moved or not) together; the record is deleted after.
     *
     * @param frame   the frame's store.
     * @param pc      the target pc (written as {@link #PC}).
     * @param puts    keys and values (stored text) to put.
     * @param removes keys to remove.
     */
    static void commit(final KvStore frame, final long pc, final Map<String, String> puts, final List<String> removes)
    {
        frame.put(REDO, record(Long.toString(pc), puts, removes));
        apply(frame, Long.toString(pc), puts, removes);
        frame.remove(REDO);
    }

    /**
     * Commit a step's writes and the advance of its pc from {@code from} to {@code from + 1} together, leaving
     * the record in place ({@link #recover} skips it once {@code pc} moved): three store writes for a step with
     * one write, the record's a replacement in place after a task's first step.
     *
     * @param frame   the frame's store.
     * @param from    the pc committed before (the step's index).
     * @param puts    keys and values (stored text) to put.
     * @param removes keys to remove.
     */
    static void advance(final KvStore frame, final long from, final Map<String, String> puts,
        final Collection<String> removes)
    {
        final String to = Long.toString(from + 1);
        frame.put(REDO, record(to + FROM + from, puts, removes));
        apply(frame, to, puts, removes);
    }

    /**
     * Apply a redo record left by a crash, if any and not applied yet (a record of {@link #advance} whose pc the
     * frame has moved past is done), then delete it.
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
        final int eol = record.indexOf('\n');
        final int from = record.lastIndexOf(FROM, eol);
        if (from < 0 || record.substring(from + 1, eol).equals(frame.get(PC)))
        {
            apply(frame, record);
        }
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

    /** Parse and apply a record: the pc line (without its {@code @FROM}), then {@code P} puts, {@code R} removals. */
    private static void apply(final KvStore frame, final String record)
    {
        final int eol = record.indexOf('\n');
        final int from = record.lastIndexOf(FROM, eol);
        final String pc = record.substring(0, from < 0 ? eol : from);
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
