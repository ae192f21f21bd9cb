package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class WatchedKeysTest
{
    @Test
    void shouldWaitForTheLastKeyOfANonEmptyBucketEvenWhenEndOfDataComesFirst() throws InterruptedException
    {
        // jnats sends endOfData from the subscribing thread once the consumer has nothing pending on the server,
        // which is also true while the delivered keys still wait in the client's dispatcher queue
        final WatchedKeys keys = new WatchedKeys(false);
        keys.endOfData();
        assertFalse(keys.awaitLoaded(0), "endOfData alone while keys are still on their way");
        keys.received("before", 1, true, 0);
        assertTrue(keys.awaitLoaded(0), "the key delivered with nothing pending after it");
        assertEquals(List.of("before"), keys.keys("", 0, 10));
    }

    @Test
    void shouldCountAsLoadedAtEndOfDataWhenTheBucketWasEmpty() throws InterruptedException
    {
        final WatchedKeys keys = new WatchedKeys(true);
        assertFalse(keys.awaitLoaded(0));
        keys.endOfData();
        assertTrue(keys.awaitLoaded(0));
    }

    @Test
    void shouldNotCountAsLoadedBeforeTheLastPendingKey() throws InterruptedException
    {
        final WatchedKeys keys = new WatchedKeys(false);
        keys.received("a", 1, true, 1);
        assertFalse(keys.awaitLoaded(0));
        keys.received("b", 2, false, 0);
        assertTrue(keys.awaitLoaded(0));
        assertEquals(List.of("a"), keys.keys("", 0, 10));
    }
}
