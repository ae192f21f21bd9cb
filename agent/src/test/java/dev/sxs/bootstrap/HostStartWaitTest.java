package dev.sxs.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sxs.runtime.Settings;

class HostStartWaitTest
{
    @TempDir
    Path dir;

    /** A JVM whose class count and clock the test drives: each sleep advances the clock by the time slept. */
    private static final class FakeJvm
    {
        long nanos;
        long classes = 1_000;
        long classesPerPoll;
        long stopLoadingAtMillis = Long.MAX_VALUE;
        long busyUntilMillis = -1;

        long wait(final HostStartWait wait)
        {
            return wait.await(() -> classes, () -> TimeUnit.NANOSECONDS.toMillis(nanos) <= busyUntilMillis,
                () -> nanos, millis ->
            {
                nanos += TimeUnit.MILLISECONDS.toNanos(millis);
                if (TimeUnit.NANOSECONDS.toMillis(nanos) <= stopLoadingAtMillis)
                {
                    classes += classesPerPoll;
                }
            });
        }
    }

    @Test
    void shouldStartOnceClassLoadingHasStoodStillForTheQuietTime()
    {
        final FakeJvm jvm = new FakeJvm();
        jvm.classesPerPoll = 40;
        jvm.stopLoadingAtMillis = 2_000;

        final long waited = jvm.wait(HostStartWait.of("data=d", new Properties()));

        assertEquals(2_000 + HostStartWait.DEFAULT_QUIET_MILLIS, waited, "the host loaded classes for 2 s");
    }

    @Test
    void shouldNotTakeAHostStarvedOfCoresForAStartedOne()
    {
        final FakeJvm jvm = new FakeJvm();
        jvm.busyUntilMillis = 2_000;

        final long waited = jvm.wait(HostStartWait.of("", new Properties()));

        assertTrue(waited > 2_000 && waited < 2_000 + HostStartWait.DEFAULT_QUIET_MILLIS,
            "no class loaded, but the host's threads wanted a core until 2 s: not started before, and at the end of "
            + "the next quiet time: " + waited);
    }

    @Test
    void shouldNotTakeABriefRunOfTheJvmsOwnThreadsForABusyHost()
    {
        final FakeJvm jvm = new FakeJvm();
        final long[] looks = {0};

        final long waited = HostStartWait.of("", new Properties()).await(() -> jvm.classes,
            () -> looks[0]++ % HostStartWait.BUSY_LOOKS == 0, () -> jvm.nanos,
            millis -> jvm.nanos += TimeUnit.MILLISECONDS.toNanos(millis));

        assertEquals(HostStartWait.DEFAULT_QUIET_MILLIS + HostStartWait.BUSY_LOOK_GAP_MILLIS, waited,
            "busy at one look of three is not busy: the second look ends the wait");
    }

    @Test
    void shouldStartAfterTheLongestWaitWhenTheHostNeverStopsLoadingClasses()
    {
        final FakeJvm jvm = new FakeJvm();
        jvm.classesPerPoll = 1;

        assertEquals(3_000, jvm.wait(HostStartWait.of("start.maxWaitMillis=3000", new Properties())));
    }

    @Test
    void shouldNotWaitForStartNowOrForAValueTheConfigurationWillRefuse()
    {
        assertNull(HostStartWait.of("start=now", new Properties()));
        assertNull(HostStartWait.of("start=NOW", new Properties()));
        assertNull(HostStartWait.of("start=sometimes", new Properties()), "the configuration fails at once");
        assertNull(HostStartWait.of("start.quietMillis=soon", new Properties()));
        assertNull(HostStartWait.of("config=" + dir.resolve("missing.properties"), new Properties()));
        assertNotNull(HostStartWait.of(null, new Properties()), "deferred is the default");
    }

    @Test
    void shouldReadTheSettingsWithTheConfigurationsPrecedence() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("sxs.properties"), "sxs.start=now\nstart.quietMillis=100\n");
        final Properties system = new Properties();
        system.setProperty("sxs.config", file.toString());
        assertNull(HostStartWait.of("", system), "the file says now");

        system.setProperty("sxs.start", "deferred");
        final FakeJvm jvm = new FakeJvm();
        assertEquals(100, jvm.wait(HostStartWait.of("", system)), "a system property over the file");

        assertNull(HostStartWait.of("start=now", system), "an agent argument over a system property");
    }

    @Test
    void shouldDefaultAsTheConfigurationDocumentsIt()
    {
        assertEquals(Settings.START.defaultText(), HostStartWait.DEFERRED);
        assertEquals(Settings.START_QUIET_MILLIS.defaultText(), String.valueOf(HostStartWait.DEFAULT_QUIET_MILLIS));
        assertEquals(Settings.START_MAX_WAIT_MILLIS.defaultText(),
            String.valueOf(HostStartWait.DEFAULT_MAX_WAIT_MILLIS));
        assertEquals(Settings.START.key(), HostStartWait.START_KEY);
        assertEquals(Settings.START_QUIET_MILLIS.key(), HostStartWait.QUIET_KEY);
        assertEquals(Settings.START_MAX_WAIT_MILLIS.key(), HostStartWait.MAX_WAIT_KEY);
    }
}
