package dev.sxs.agent.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class StderrLoggerTest
{
    @Test
    void shouldPrintLibraryWarningsInSxsFormat()
    {
        assertEquals("[sxs] SingleChronicleQueue WARN: something (java.io.IOException: disk)",
            StderrLogger.format("SingleChronicleQueue", Level.WARN, "something", new java.io.IOException("disk")));
    }

    @Test
    void shouldExplainChronicleMapRecoveryBeforeItsWarning()
    {
        final List<String> lines = StderrLogger.format("ChronicleMapBuilder", Level.WARN,
            "sxs-store: recovering; there is a risk of losing and/or corrupting data", null).lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("[sxs] the store file was not closed cleanly"), lines.get(0));
        assertTrue(lines.get(0).contains("as expected after an unclean stop"), lines.get(0));
        assertTrue(lines.get(0).contains("checks and repairs every segment"), lines.get(0));
        assertTrue(lines.get(1).startsWith("[sxs] ChronicleMapBuilder WARN: sxs-store: recovering"), lines.get(1));
    }
}
