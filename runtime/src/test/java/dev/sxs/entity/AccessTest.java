package dev.sxs.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import dev.sxs.events.Channel;
import org.junit.jupiter.api.Test;

/**
 * A session's {@link Access}: its cached answers to {@code P} and {@code S} are the entity's, per channel and
 * topic, and follow every grant and revoke at the next check.
 */
class AccessTest
{
    private static final Channel[] GENERAL = {Channel.A, Channel.B, Channel.C, Channel.D, Channel.E, Channel.F};

    private static LiveEntity live(final String... grants)
    {
        Entity entity = Entity.fresh("shop");
        for (int i = 0; i < grants.length; i += 2)
        {
            entity = entity.with(EventGrant.parse(grants[i], grants[i + 1]));
        }
        return new LiveEntity(entity, System::nanoTime);
    }

    @Test
    void shouldAnswerAsTheEntityForEveryChannelAndTopicAskedInAnyOrder()
    {
        final LiveEntity live = live("P", "A:100-199", "S", "A:150-250", "PS", "*:7", "S", "C:*", "P", "F:65535");
        final Access access = new Access(live, "shop:", DenialSink.NONE);
        final Entity entity = live.current();
        final int[] topics = {0, 7, 99, 100, 150, 199, 200, 250, 251, 7, 65535, 100, 0, 65534, 65535};
        for (int round = 0; round < 3; round++)
        {
            for (final Channel channel : GENERAL)
            {
                for (final int topic : topics)
                {
                    assertEquals(entity.may(Permission.PUBLISH, channel, topic), access.mayPublish(channel, topic),
                        "P " + channel + " " + topic);
                    assertEquals(entity.may(Permission.SUBSCRIBE, channel, topic), access.maySubscribe(channel, topic),
                        "S " + channel + " " + topic);
                }
            }
        }
        assertTrue(access.mayPublish(Channel.A, 150));
        assertTrue(access.maySubscribe(Channel.A, 150));
        assertFalse(access.maySubscribe(Channel.A, 100));
        assertFalse(access.mayPublish(Channel.A, 200));
        assertFalse(access.mayPublish(Channel.B, 8));
    }

    @Test
    void shouldSeeARevokeOfPublishAndSubscribeAtTheNextCheck()
    {
        final LiveEntity live = live("PS", "A:1-9");
        final Access access = new Access(live, "shop:", DenialSink.NONE);
        assertTrue(access.mayPublish(Channel.A, 4));
        assertTrue(access.maySubscribe(Channel.A, 4));
        live.update(live.current().without(EventGrant.parse("P", "A:1-9")));
        assertFalse(access.mayPublish(Channel.A, 4), "the cached P is gone with the grant");
        assertTrue(access.maySubscribe(Channel.A, 4));
        live.update(live.current().without(EventGrant.parse("S", "A:1-9")));
        assertFalse(access.maySubscribe(Channel.A, 4), "the cached S is gone with the grant");
    }

    @Test
    void shouldSeeAGrantOfPublishAndSubscribeAtTheNextCheck()
    {
        final LiveEntity live = live();
        final Access access = new Access(live, "shop:", DenialSink.NONE);
        assertFalse(access.mayPublish(Channel.B, 20));
        assertFalse(access.maySubscribe(Channel.B, 20));
        live.update(live.current().with(EventGrant.parse("P", "B:20")));
        assertTrue(access.mayPublish(Channel.B, 20), "the cached denial is gone with the grant");
        assertFalse(access.maySubscribe(Channel.B, 20));
        live.update(live.current().with(EventGrant.parse("S", "B:*")));
        assertTrue(access.maySubscribe(Channel.B, 20));
        live.update(Entity.fresh("shop"));
        assertFalse(access.mayPublish(Channel.B, 20), "a deleted entity loses every cached right");
        assertFalse(access.maySubscribe(Channel.B, 20));
    }

    @Test
    void shouldNeverAllowATopicOutsideTheRangeNorCacheIt()
    {
        final LiveEntity live = live("PS", "*:*");
        final Access access = new Access(live, "shop:", DenialSink.NONE);
        final int[] outside = {Channel.MAX_TOPIC + 1, 1 << 17, (1 << 17) | 1, 1 << 18, -1, Integer.MIN_VALUE};
        for (final int topic : outside)
        {
            for (int ask = 0; ask < 2; ask++)
            {
                assertFalse(access.mayPublish(Channel.A, topic), "P " + topic);
                assertFalse(access.maySubscribe(Channel.A, topic), "S " + topic);
            }
        }
        assertTrue(access.mayPublish(Channel.A, 1), "the slot of topic 1 holds topic 1's answer");
        assertTrue(access.maySubscribe(Channel.A, 0));
    }

    @Test
    void shouldAllowEverythingAsRoot()
    {
        final Access access = Access.UNRESTRICTED;
        for (final Channel channel : GENERAL)
        {
            assertTrue(access.mayPublish(channel, 0));
            assertTrue(access.maySubscribe(channel, 65535));
        }
    }

    @Test
    void shouldAllocateNothingWhenAskingAgain()
    {
        final LiveEntity live = live("S", "B:0-9", "P", "C:*", "PS", "A:1000-1999", "PS", "A:0-99");
        final Access access = new Access(live, "shop:", DenialSink.NONE);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        int allowed = 0;
        for (int i = 0; i < 20_000; i++)
        {
            allowed += access.mayPublish(Channel.A, 1) && access.maySubscribe(Channel.A, 1 + (i & 1)) ? 1 : 0;
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++)
        {
            allowed += access.mayPublish(Channel.A, 1) && access.maySubscribe(Channel.A, 1 + (i & 1)) ? 1 : 0;
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(120_000, allowed);
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes in 200,000 checks");
    }
}
