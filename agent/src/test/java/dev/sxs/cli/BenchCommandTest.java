package dev.sxs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchCommandTest
{
    @Test
    void shouldRunTheNamedSuitesAndPassOtherPatternsThrough()
    {
        assertEquals("PeerStoreBenchmark", BenchCommand.jmhPattern("peers"));
        assertEquals("EventPeersBenchmark", BenchCommand.jmhPattern("events"));
        assertEquals("KvBenchmark.storeGet", BenchCommand.jmhPattern("KvBenchmark.storeGet"));
    }
}
