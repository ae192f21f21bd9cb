package dev.sxs.task;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.HiddenKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The layout of a task's frame and its one atomic write, the commit record. A frame (a key prefix in the
 * spawning scope) holds {@code pc}, {@code state}, {@code arg:NAME}, {@code local:NAME} and at the end
 * {@code result} or {@code error}, plus the engine's hidden keys ({@link #CODE}, {@link #META},
 * {@link #WAIT}, {@link #ENDED}).
 * <p>
 * A commit is one put of {@link #PC} holding the target pc and, after it, a comment with every put and removal
 * of the step (the record: {@code 5 ;P7:local:n1:3}, which reads back as the value 5), then the writes applied.
 * That put is the commit point: after a crash a {@code pc} that still holds a record has its writes applied again
 * and is set plain ({@link #recover}); every write is an absolute put or a removal, so applying twice is applying
 * once. So a step's frame writes and its pc advance are visible together, all or none, and a script reading
 * {@code pc} meanwhile reads the target. {@link #commit} then sets {@code pc} plain (three writes for a step of one
 * write); {@link #commitStep} leaves the record in {@code pc} for the next step's commit to replace (two writes),
 * for a task that runs its next step at once, and {@link #settle} sets it plain when the run stops. A frame of an
 * earlier version may still hold that version's separate record ({@link #REDO}): it is applied first.
 * <p>
 * Threading: stateless; a caller serialises the commits of one frame. Allocation: the record's text per commit
 * with writes. Failure: store exceptions pass.
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
    /** The separate redo record of a commit under way, as versions before the record moved into pc wrote it. */
    static final String REDO = HiddenKeys.TASKS + "redo";

    /** What follows the target pc in a record: a space, then a comment to the end of the line. */
    private static final String MARK = " ;";
    private static final int PAGE = 512;

    private Frames()
    {
    }

    /**
     * Commit a step's writes and the pc (moved or not) together, and leave {@code pc} plain: the record put in
     * {@code pc}, the writes, {@code pc} put plain (one plain put when there are no writes). The writes are
     * applied from the maps given, not parsed back from the record.
     *
     * @param frame   the frame's store.
     * @param pc      the target pc.
     * @param puts    keys and values (stored text) to put.
     * @param removes keys to remove.
     */
    static void commit(final KvStore frame, final long pc, final Map<String, String> puts,
        final Collection<String> removes)
    {
        if (commitStep(frame, pc, puts, removes))
        {
            settle(frame, pc);
        }
    }

    /**
     * Commit as {@link #commit} does, but leave the record in {@code pc} when there were writes: the next commit
     * of the frame replaces it, or {@link #settle} does. Only for a task whose next frame write is the engine's own.
     *
     * @param frame   the frame's store.
     * @param pc      the target pc.
     * @param puts    keys and values (stored text) to put.
     * @param removes keys to remove.
     * @return true when {@code pc} holds a record now, false when it is plain.
     */
    static boolean commitStep(final KvStore frame, final long pc, final Map<String, String> puts,
        final Collection<String> removes)
    {
        final String target = Long.toString(pc);
        if (puts.isEmpty() && removes.isEmpty())
        {
            frame.put(PC, target);
            return false;
        }
        frame.put(PC, record(target, puts, removes));
        for (final Map.Entry<String, String> e : puts.entrySet())
        {
            frame.put(e.getKey(), e.getValue());
        }
        for (final String key : removes)
        {
            frame.remove(key);
        }
        return true;
    }

    /**
     * Set {@code pc} plain after a {@link #commitStep} that left its record there.
     *
     * @param frame the frame's store.
     * @param pc    the pc it holds.
     */
    static void settle(final KvStore frame, final long pc)
    {
        frame.put(PC, Long.toString(pc));
    }

    /**
     * Apply a record left by a crash, if any: an earlier version's separate one, then one in {@code pc}.
     *
     * @param frame the frame's store.
     * @return true when there was one.
     */
    static boolean recover(final KvStore frame)
    {
        final String legacy = frame.get(REDO);
        if (legacy != null)
        {
            final int eol = legacy.indexOf('\n');
            apply(frame, legacy, eol + 1);
            frame.put(PC, legacy.substring(0, eol));
            frame.remove(REDO);
        }
        final String pc = frame.get(PC);
        final int mark = pc == null ? -1 : pc.indexOf(MARK);
        if (mark < 0)
        {
            return legacy != null;
        }
        apply(frame, unescape(pc.substring(mark + MARK.length())), 0);
        frame.put(PC, pc.substring(0, mark));
        return true;
    }

    /**
     * @param text what {@code pc} holds.
     * @return the pc it stands for, whether plain or a record.
     */
    static long pcOf(final String text)
    {
        final int mark = text.indexOf(MARK);
        return Long.parseLong(mark < 0 ? text : text.substring(0, mark));
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

    /**
     * The record: the target pc, {@link #MARK}, then {@code P} puts and {@code R} removals, each text as
     * {@code LENGTH:TEXT}, every line break followed by {@code ;} so each line of it stays a comment.
     */
    private static String record(final String pc, final Map<String, String> puts, final Collection<String> removes)
    {
        final StringBuilder record = new StringBuilder(64).append(pc).append(MARK);
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

    private static String unescape(final String fields)
    {
        return fields.indexOf('\n') < 0 ? fields : fields.replace("\n;", "\n");
    }

    /** Parse and apply the {@code P} puts and {@code R} removals of a record from {@code at}. */
    private static void apply(final KvStore frame, final String record, final int from)
    {
        int at = from;
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
    }

    private static StringBuilder field(final StringBuilder out, final String text)
    {
        out.append(text.length()).append(':');
        if (text.indexOf('\n') < 0)
        {
            return out.append(text);
        }
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            out.append(c);
            if (c == '\n')
            {
                out.append(';');
            }
        }
        return out;
    }

    private static int read(final String record, final int from, final List<String> into)
    {
        final int colon = record.indexOf(':', from);
        final int length = Integer.parseInt(record, from, colon, 10);
        into.add(record.substring(colon + 1, colon + 1 + length));
        return colon + 1 + length;
    }
}
