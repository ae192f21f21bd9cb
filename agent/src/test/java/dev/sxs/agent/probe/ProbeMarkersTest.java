package dev.sxs.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sxs.bridge.ProbeBridge;
import dev.sxs.probe.ActiveProbe;
import org.junit.jupiter.api.Test;

class ProbeMarkersTest
{
    @Test
    void shouldMarkACallNotPublishedAsTheBridgeDoes()
    {
        // the gate hands ActiveProbe.enter's answer to the advice as it is: its SKIP must be the bridge's
        assertEquals(ProbeBridge.SKIP, ActiveProbe.SKIP);
    }
}
