package dev.sxs.it.disk;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.journal.ChronicleJournal;
import dev.sxs.journal.JournalException;

/**
 * Child of {@link SmallDiskIT}: appends 1 KB events to the journal folder (first argument) and prints
 * {@code ack <sequence>} after each append returned, until one is refused ({@code refused <message>}); then it
 * waits for the file named second to appear (the test freed space), appends 10 more events (acknowledged the
 * same way), closes the journal, prints {@code closed} and waits to be killed. Any other failure is printed as
 * {@code failed <error>}.
 */
public final class FullDiskJournalMain
{
    private static final int AFTER_FREEING = 10;

    private FullDiskJournalMain()
    {
    }

    /**
     * @param args journal folder, the file whose appearance says that space was freed.
     * @throws InterruptedException never in practice: the process is killed while waiting.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        System.setProperty("chronicle.analytics.disable", "true");
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final String payload = "x".repeat(1000);
        long sequence = 1;
        try
        {
            final ChronicleJournal journal = ChronicleJournal.builder(Path.of(args[0])).open();
            try
            {
                for (; ; sequence++)
                {
                    journal.append(new Event(sequence, sequence, Channel.A, 0, payload, ""));
                    out.println("ack " + sequence);
                }
            }
            catch (final JournalException refused)
            {
                out.println("refused " + refused.getMessage());
            }
            while (!Files.exists(Path.of(args[1])))
            {
                LockSupport.parkNanos(10_000_000);
            }
            for (int i = 0; i < AFTER_FREEING; i++)
            {
                journal.append(new Event(sequence, sequence, Channel.A, 0, "after " + i, ""));
                out.println("ack " + sequence);
                sequence++;
            }
            journal.close();
            out.println("closed");
        }
        catch (final Throwable failure)
        {
            out.println("failed " + failure);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
