package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.sxs.nats.Scripts.awaitValue;
import static dev.sxs.nats.Scripts.eval;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sxs.events.Channel;
import dev.sxs.jmx.access.JournalView;
import dev.sxs.jmx.audit.AuditLog;
import dev.sxs.jmx.mbean.JournalControl;
import dev.sxs.journal.PrintSink;
import dev.sxs.journal.ReplayProgress;
import dev.sxs.journal.ReplayRequest;
import dev.sxs.journal.StreamReplay;
import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;

/**
 * The JMX replay and the printing replay ({@code sxs replay nats://...}) read the event stream when backend=nats:
 * the {@code Journal} MBean's {@code replay} rebuilds a counter in a runtime on another bucket, and a print lists
 * the selected events in the journal's format, filtered by scope, channel and topic.
 */
class NatsStreamReplayTest
{
    @RegisterExtension
    static final ClusterExtension NATS = new ClusterExtension(1);

    private static Config config(final String bucket)
    {
        return NATS.config(bucket, "nats.stream", "replayed");
    }

    private static void awaitState(final JournalControl journal, final String state) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!state.equals(journal.getReplayState()) && System.nanoTime() < deadline)
        {
            TimeUnit.MILLISECONDS.sleep(20); // the MBean is polled, as a JMX console does
        }
        assertEquals(state, journal.getReplayState(), journal.getReplayError());
    }

    @Test
    void shouldRebuildACounterThroughTheJmxReplayOfTheStream() throws Exception
    {
        try (SxsRuntime live = SxsRuntime.start(config("jmx-live"), LogSink.STDERR))
        {
            eval(live, "(core/event/pub A 3 1) ".repeat(40) + "(core/event/pub B 3 1) ".repeat(5));
        }
        try (SxsRuntime rebuilt = SxsRuntime.start(config("jmx-rebuilt"), LogSink.STDERR))
        {
            assertEquals("true", eval(rebuilt, "(core/event/sub A 3 {(core/kv/incr count)})"));
            final JournalControl journal = new JournalControl(new JournalView(rebuilt.journal(),
                rebuilt.gateway()::republish, rebuilt.threads(), rebuilt.eventStream()), AuditLog.NONE);
            journal.replay(-1, -1, "A", 3);
            awaitState(journal, "DONE");
            assertEquals(40, journal.getReplayRead());
            assertEquals(40, journal.getReplayDelivered());
            awaitValue(rebuilt, "(core/kv/get count)", "40");
            journal.replay(11, 20, "", -1); // stream sequences 11..20: ten events of channel A
            awaitState(journal, "DONE");
            awaitValue(rebuilt, "(core/kv/get count)", "50");
        }
    }

    @Test
    void shouldPrintTheStreamFilteredByScopeChannelAndTopic() throws Exception
    {
        try (SxsRuntime live = SxsRuntime.start(config("print-live"), LogSink.STDERR))
        {
            live.eval("(core/event/pub C 9 \"x\") (core/event/pub C 8 \"y\") (core/event/pub D 9 \"z\")", "t1:");
            live.eval("(core/event/pub C 9 \"other\")", "t2:");
        }
        final SxsRuntime reader = SxsRuntime.start(config("print-reader"), LogSink.STDERR);
        try (reader)
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final ReplayProgress done = new StreamReplay(reader.eventStream().open(
                ReplayRequest.ALL.withChannel(Channel.C).withTopic(9), "t1:")).run(new PrintSink(out));
            assertEquals(ReplayProgress.State.DONE, done.state(), done.error());
            final List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).matches("\\d+ \\S+ C 9 \"t1:\" \"x\""), lines.get(0));
        }
    }
}
