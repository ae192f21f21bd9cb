package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import dev.sxs.lang.Printer;
import dev.sxs.runtime.SxsRuntime;

/**
 * Scripts run by the tests of runtimes on {@code backend=nats} ({@link ClusterExtension#runtime}): a script's
 * printed values, and a wait for a script to print a value where what it reads is written by another thread or
 * another runtime through the cluster.
 * <p>
 * Threading: any test thread. Failure: {@link #awaitValue} fails the test when the value does not come in 30 s.
 */
final class Scripts
{
    private static final long AWAIT_SECONDS = 30;

    private Scripts()
    {
    }

    /**
     * @param sxs    the runtime.
     * @param source the script.
     * @return its values printed and joined by spaces, run in the root scope.
     */
    static String eval(final SxsRuntime sxs, final String source)
    {
        return eval(sxs, source, "");
    }

    /**
     * @param sxs    the runtime.
     * @param source the script.
     * @param scope  the scope to run it in.
     * @return its values printed and joined by spaces.
     */
    static String eval(final SxsRuntime sxs, final String source, final String scope)
    {
        return String.join(" ", sxs.eval(source, scope).stream().map(Printer::print).toList());
    }

    /**
     * Run a script until it prints {@code expected}: what it reads comes from other threads (task steps, handlers,
     * replays) and another runtime's requests, and the store is remote.
     *
     * @param sxs      the runtime.
     * @param source   the script.
     * @param expected what it must print in the end.
     * @throws InterruptedException when interrupted while waiting.
     */
    static void awaitValue(final SxsRuntime sxs, final String source, final String expected)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        while (!expected.equals(eval(sxs, source)) && System.nanoTime() < deadline)
        {
            TimeUnit.MILLISECONDS.sleep(10); // polling a remote store, written by other threads and runtimes
        }
        assertEquals(expected, eval(sxs, source));
    }
}
