package dev.sxs.bench.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.sxs.events.EventJournal;
import dev.sxs.journal.ChronicleJournal;
import dev.sxs.runtime.ValuePayloadCodec;

/**
 * The journal parameter of the event benchmarks: {@code off} (no journal hook) or {@code on} (a real
 * Chronicle Queue journal in a temporary folder, deleted afterwards, printing payloads with the language's codec
 * as the runtime's journal does).
 */
final class JournalSetting implements AutoCloseable
{
    private final ChronicleJournal journal;
    private final Path folder;

    JournalSetting(final String setting)
    {
        if ("on".equals(setting))
        {
            try
            {
                folder = Files.createTempDirectory("sxs-bench-journal");
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            journal = ChronicleJournal.builder(folder).payloadCodec(ValuePayloadCodec.INSTANCE).open();
        }
        else if ("off".equals(setting))
        {
            folder = null;
            journal = null;
        }
        else
        {
            throw new IllegalArgumentException("journal must be on or off: " + setting);
        }
    }

    /** @return the hook to give the dispatcher, or null when off. */
    EventJournal hook()
    {
        return journal == null ? null : journal::append;
    }

    @Override
    public void close() throws IOException
    {
        if (journal == null)
        {
            return;
        }
        journal.close();
        try (Stream<Path> files = Files.walk(folder))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
