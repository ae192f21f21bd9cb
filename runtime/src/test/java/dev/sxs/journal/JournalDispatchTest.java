package dev.sxs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.DispatcherOptions;
import dev.sxs.events.Event;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.runtime.ValuePayloadCodec;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal behind a real dispatcher: every accepted event journaled once; replay re-publishes into
 * another dispatcher in replay mode, whose handlers run but whose own publications are suppressed and
 * whose replayed events are not journaled again.
 */
class JournalDispatchTest
{
    private static final int EVENTS = 100;

    @TempDir
    Path dir;

    private static Value order(final int i)
    {
        return new ListValue(ListKind.CALL, List.of(new StrValue("order"), IntValue.of(i), new StrValue("EUR")));
    }

    @Test
    void shouldJournalEveryAcceptedEventAndReplayWithoutSideEffects()
    {
        final Path first = dir.resolve("first");
        try (ChronicleJournal journal = ChronicleJournal.builder(first).open())
        {
            final Dispatcher live = Dispatcher.start(DispatcherOptions.defaults(), journal);
            try
            {
                live.subscribe(Channel.A, 1, e -> live.publish(Channel.B, 2, e.payload(), "handler/"), 1L, "shop/");
                for (int i = 0; i < EVENTS; i++)
                {
                    assertTrue(live.publish(Channel.A, 1, order(i), "shop/") > 0);
                }
                assertTrue(live.drain(10_000));
            }
            finally
            {
                live.close();
            }
        }

        try (JournalReader reader = JournalReader.open(first))
        {
            final List<JournalRecord> all = CollectingSink.readAll(reader);
            assertEquals(2 * EVENTS, all.size(), "published events and the handlers' follow-ups, once each");
            final List<JournalRecord> onA = CollectingSink.replay(reader, ReplayRequest.ALL.withChannel(Channel.A));
            for (int i = 0; i < EVENTS; i++)
            {
                assertEquals(order(i).print(), onA.get(i).payload());
                assertEquals("shop/", onA.get(i).origin());
                assertEquals(1, onA.get(i).topic());
            }
            assertEquals(EVENTS, CollectingSink.replay(reader, ReplayRequest.ALL.withChannel(Channel.B).withTopic(2))
                .size());
            assertEquals(all.stream().map(JournalRecord::sequence).sorted().distinct().toList(),
                all.stream().map(JournalRecord::sequence).toList(), "journal order is sequence order, no duplicate");
        }

        final Path second = dir.resolve("second");
        final List<Event> handled = new CopyOnWriteArrayList<>();
        try (ChronicleJournal journal = ChronicleJournal.builder(second).open();
             JournalReader reader = JournalReader.open(first))
        {
            final Dispatcher target = Dispatcher.start(DispatcherOptions.defaults(), journal);
            try
            {
                target.subscribe(Channel.A, 1, e ->
                {
                    handled.add(e);
                    target.publish(Channel.B, 2, e.payload(), "handler/");
                }, 1L, "shop/");
                final RepublishSink sink = new RepublishSink(ValuePayloadCodec.INSTANCE, target::publishReplay);
                final ReplayProgress progress = new Replay(reader, ReplayRequest.ALL.withChannel(Channel.A)).run(sink);
                assertEquals(ReplayProgress.State.DONE, progress.state());
                assertTrue(target.drain(10_000));
                assertEquals(EVENTS, sink.published());
                assertEquals(EVENTS, handled.size());
                assertEquals(EVENTS, target.stats(Channel.B).suppressed(),
                    "handlers' publications suppressed and counted");
                assertEquals(0, target.stats(Channel.B).published());
            }
            finally
            {
                target.close();
            }
            assertEquals(0, journal.info().records(), "replayed events are not journaled again");
        }
        for (int i = 0; i < EVENTS; i++)
        {
            assertEquals(order(i), handled.get(i).payload());
            assertEquals("shop/", handled.get(i).origin());
        }
    }
}
