package dev.sxs.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;
import dev.sxs.runtime.SxsRuntime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Test helpers: evaluate and print, and wait (bounded) for a task to reach a state. */
final class Tasks
{
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private Tasks()
    {
    }

    /** @return the printed value of the last form. */
    static String eval(final SxsRuntime runtime, final String source)
    {
        final List<Value> values = runtime.eval(source, "");
        return Printer.print(values.get(values.size() - 1));
    }

    /** Evaluate and check each printed value. */
    static void expect(final SxsRuntime runtime, final String source, final String printed)
    {
        assertEquals(printed, eval(runtime, source), source);
    }

    /** Wait until a key holds a printed value. */
    static void awaitKey(final SxsRuntime runtime, final String key, final String printed)
    {
        final long deadline = System.nanoTime() + WAIT_NANOS;
        String now = eval(runtime, "(core/kv/get \"" + key + "\")");
        while (!now.equals(printed))
        {
            if (System.nanoTime() > deadline)
            {
                fail(key + " is " + now + ", never " + printed);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            now = eval(runtime, "(core/kv/get \"" + key + "\")");
        }
    }

    /** Wait until task ID is in a state. */
    static void awaitState(final SxsRuntime runtime, final long id, final String state)
    {
        final long deadline = System.nanoTime() + WAIT_NANOS;
        String now = eval(runtime, "(core/list/nth (core/task/status " + id + ") 1)");
        while (!now.equals("\"" + state + "\""))
        {
            if (System.nanoTime() > deadline)
            {
                fail("task " + id + " is " + now + ", never " + state);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            now = eval(runtime, "(core/list/nth (core/task/status " + id + ") 1)");
        }
    }
}
