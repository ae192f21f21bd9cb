package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.sxs.log.SxsWarnings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SxsWarningsTest
{
    private final List<String> printed = new CopyOnWriteArrayList<>();

    @AfterEach
    void restore()
    {
        SxsWarnings.redirect(null);
    }

    @Test
    void shouldPrintAHandlerFailureAsOneSxsLineNotInTheHostLoggingLayout()
    {
        SxsWarnings.redirect(printed::add);
        try (Dispatcher dispatcher = Dispatcher.start(options(1, 100, OverflowPolicy.BLOCK, 1000), null))
        {
            dispatcher.subscribe(Channel.C, 4, e ->
            {
                throw new IllegalStateException("boom\nsecond line");
            }, 1L);
            for (int i = 0; i < 3; i++)
            {
                dispatcher.publish(Channel.C, 4, num(i), "");
            }
            assertTrue(dispatcher.drain(10_000));
        }
        final List<String> lines = List.copyOf(printed);
        assertEquals(1, lines.size(), "logged once: " + lines);
        assertTrue(lines.get(0).startsWith("[sxs] handler failed on C/4 (logged once, further occurrences counted): "
            + "java.lang.IllegalStateException: boom second line"), lines.get(0));
    }
}
