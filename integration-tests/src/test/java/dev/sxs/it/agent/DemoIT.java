package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code sxs demo}: the demo service starts with the agent, its business events become counters in
 * the store through the boot script, and the command ends cleanly with {@code --duration}. On the
 * test JDK only (the agent itself is covered on both JDKs by the other agent tests).
 */
class DemoIT
{
    @Test
    void shouldShowEventsBecomingCountersAndStopTheService() throws Exception
    {
        final Jdk jdk = Jdk.all().findFirst().orElseThrow();
        final SxsCommand demo = SxsCommand.run(jdk, "demo", "--duration", "6");
        assertEquals(0, demo.exitCode(), demo.out() + demo.err());
        assertTrue(demo.out().contains("events are flowing"), demo.out());
        assertTrue(demo.out().matches("(?s).*orders: [1-9][0-9]*  cancelled: .*"), demo.out());
        assertTrue(demo.out().contains("bin/sxs eval "), demo.out());
        assertTrue(demo.out().contains("sxs demo: order service stopped."), demo.out());
    }
}
