package dev.sxs.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * Test sink keeping every replayed record.
 */
final class CollectingSink implements ReplaySink
{
    final List<JournalRecord> records = new ArrayList<>();
    boolean finished;

    @Override
    public void accept(final JournalEntry entry)
    {
        records.add(entry.toRecord());
    }

    @Override
    public void finish()
    {
        finished = true;
    }

    static List<JournalRecord> readAll(final JournalReader reader)
    {
        return replay(reader, ReplayRequest.ALL);
    }

    static List<JournalRecord> replay(final JournalReader reader, final ReplayRequest request)
    {
        final CollectingSink sink = new CollectingSink();
        final ReplayProgress progress = new Replay(reader, request).run(sink);
        if (progress.state() != ReplayProgress.State.DONE)
        {
            throw new AssertionError("replay ended " + progress);
        }
        return sink.records;
    }
}
