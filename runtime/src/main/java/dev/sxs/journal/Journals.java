package dev.sxs.journal;

import java.nio.file.Path;

import dev.sxs.runtime.Config;

/**
 * Opens the journal a {@link Config} asks for. Stateless.
 */
public final class Journals
{
    private Journals()
    {
    }

    /**
     * @param config the configuration: {@code journal.enabled}, {@code journal.dir} (default
     *               {@code <data>/journal}), {@code journal.rollCycle}, {@code journal.retainCycles}.
     * @param codec  how payloads become record text.
     * @return a {@link ChronicleJournal} when enabled with a folder, else {@link NoOpJournal#INSTANCE}
     *         (journal off, or nothing persisted because there is no data folder).
     * @throws JournalException when the folder cannot be opened for appending.
     * @throws dev.sxs.runtime.ConfigException when the roll cycle name is unknown.
     */
    public static Journal open(final Config config, final PayloadCodec codec)
    {
        final Path folder = config.effectiveJournalDir();
        if (!config.journalEnabled() || folder == null)
        {
            return NoOpJournal.INSTANCE;
        }
        return ChronicleJournal.builder(folder)
            .rollCycle(config.journalRollCycle())
            .retainCycles(config.journalRetainCycles())
            .payloadCodec(codec)
            .open();
    }
}
