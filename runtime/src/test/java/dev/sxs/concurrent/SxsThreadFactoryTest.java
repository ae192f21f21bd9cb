package dev.sxs.concurrent;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SxsThreadFactoryTest
{
    @Test
    void shouldMakeDaemonThreadsOfNormalPriorityWithSxsLoaderWhateverTheCaller() throws Exception
    {
        final SxsThreadFactory factory = SxsThreadFactory.create();
        final AtomicReference<Thread> made = new AtomicReference<>();
        try (URLClassLoader webapp = new URLClassLoader(new URL[0], null))
        {
            // a host thread with a webapp loader and low priority asks for the thread
            final Thread host = new Thread(() -> made.set(factory.newThread(() -> {}, "sxs-test-1")));
            host.setContextClassLoader(webapp);
            host.setPriority(Thread.MIN_PRIORITY);
            host.setDaemon(false);
            host.start();
            host.join();
        }
        final Thread t = made.get();
        assertEquals("sxs-test-1", t.getName());
        assertTrue(t.isDaemon());
        assertEquals(Thread.NORM_PRIORITY, t.getPriority());
        assertSame(SxsThreadFactory.class.getClassLoader(), t.getContextClassLoader());
    }

    @Test
    void shouldNumberUnnamedThreadsAndRefuseForeignNames()
    {
        final SxsThreadFactory factory = SxsThreadFactory.create().named("sxs-pool-");
        assertEquals("sxs-pool-1", factory.newThread(() -> {}).getName());
        assertEquals("sxs-pool-2", factory.newThread(() -> {}).getName());
        assertThrows(IllegalArgumentException.class, () -> factory.newThread(() -> {}, "worker-1"));
    }
}
