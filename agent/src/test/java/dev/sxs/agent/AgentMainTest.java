package dev.sxs.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.sxs.bootstrap.SxsBootstrap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentMainTest
{
    private final PrintStream originalErr = System.err;

    @AfterEach
    void restore()
    {
        System.setErr(originalErr);
        System.clearProperty(SxsBootstrap.STATUS_PROPERTY);
        final SxsAgent agent = SxsAgent.current();
        if (agent != null)
        {
            agent.stop();
        }
    }

    @Test
    void shouldReportABadArgumentInOneLineAndNotStart()
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        AgentMain.start("events.workers=many", null, true, () -> false);
        final String expected = "bad configuration: bad value for 'events.workers': 'many' (expected an integer from 1 "
            + "to 256)";
        assertEquals("failed: " + expected, System.getProperty(SxsBootstrap.STATUS_PROPERTY));
        assertEquals("[sxs] " + expected + "; sxs is not running, the application continues" + System.lineSeparator(),
            err.toString(StandardCharsets.UTF_8));
        assertNull(SxsAgent.current());
    }

    @Test
    void shouldStartInMemoryAndSayRunning()
    {
        AgentMain.start("data=", null, false, () -> false);
        assertEquals("running", System.getProperty(SxsBootstrap.STATUS_PROPERTY));
        assertTrue(SxsAgent.current() != null);
    }
}
