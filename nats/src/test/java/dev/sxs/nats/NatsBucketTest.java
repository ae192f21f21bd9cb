package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NatsBucketTest
{
    @Test
    void shouldTellServersThatDoNotSerialiseConditionalWrites()
    {
        assertTrue(NatsBucket.olderThan("2.9.10", 2, 9, 21));
        assertTrue(NatsBucket.olderThan("v2.8.4", 2, 9, 21));
        assertFalse(NatsBucket.olderThan("2.9.21", 2, 9, 21));
        assertFalse(NatsBucket.olderThan("2.10.0-beta", 2, 9, 21));
        assertFalse(NatsBucket.olderThan("dev", 2, 9, 21));
    }
}
