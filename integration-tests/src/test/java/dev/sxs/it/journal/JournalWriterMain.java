package dev.sxs.it.journal;

import java.nio.file.Path;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.journal.ChronicleJournal;
import dev.sxs.lang.IntValue;

/**
 * Forked by {@link JournalKillIT}: appends events to the journal folder given as the only argument,
 * forever, and prints {@code <index> <sequence>} on stdout after each append returned (the event was
 * accepted). The test kills it with {@code kill -9}.
 */
public final class JournalWriterMain
{
    private JournalWriterMain()
    {
    }

    public static void main(final String[] args)
    {
        System.setProperty("chronicle.analytics.disable", "true");
        final ChronicleJournal journal = ChronicleJournal.builder(Path.of(args[0])).open();
        for (long sequence = 1; ; sequence++)
        {
            final long index = journal.append(new Event(sequence, System.currentTimeMillis() * 1_000_000L,
                Channel.values()[1 + (int)(sequence % 6)], (int)(sequence % 100), IntValue.of(sequence * 3), "it/"));
            System.out.println(index + " " + sequence);
            System.out.flush();
        }
    }
}
