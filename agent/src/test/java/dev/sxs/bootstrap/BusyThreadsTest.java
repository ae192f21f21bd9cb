package dev.sxs.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

class BusyThreadsTest
{
    @Test
    void shouldReadTheStateAfterTheThreadsName()
    {
        assertFalse(BusyThreads.busyState("4242 (http-nio-8080-Acceptor) S 1 4242 0 0"));
        assertTrue(BusyThreads.busyState("4243 (main) R 1 4242 0 0"));
        assertTrue(BusyThreads.busyState("4244 (C2 (weird) name) D 1 4242"), "a name may hold ') '");
        assertFalse(BusyThreads.busyState("4245 (cut"));
    }

    @Test
    void shouldSeeAnotherThreadThatRunsButNotTheAskingOne() throws Exception
    {
        final BooleanSupplier busy = BusyThreads.ofThisProcess();
        if (!Files.isDirectory(Path.of("/proc/self/task")))
        {
            assertFalse(busy.getAsBoolean(), "without /proc nothing is ever busy");
            return;
        }
        final AtomicBoolean stop = new AtomicBoolean();
        final CountDownLatch spinning = new CountDownLatch(1);
        final Thread spinner = new Thread(() ->
        {
            spinning.countDown();
            while (!stop.get())
            {
                Thread.onSpinWait();
            }
        }, "spinner");
        spinner.start();
        try
        {
            spinning.await();
            assertTrue(busy.getAsBoolean(), "a spinning thread is running or waiting for a core: R");
        }
        finally
        {
            stop.set(true);
            spinner.join();
        }
    }
}
