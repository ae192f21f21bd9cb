package dev.sxs.journal;

/**
 * Opens the journal {@link JournalOptions} ask for. Stateless.
 */
public final class Journals
{
    private Journals()
    {
    }

    /**
     * @param options whether the journal is on, its folder, roll cycle and retention.
     * @param codec   how payloads become record text.
     * @return a {@link ChronicleJournal} when enabled with a folder, else {@link NoOpJournal#INSTANCE}
     *         (journal off, or nothing persisted because there is no folder).
     * @throws JournalException when the folder cannot be opened for appending.
     */
    public static Journal open(final JournalOptions options, final PayloadCodec codec)
    {
        if (!options.enabled() || options.folder() == null)
        {
            return NoOpJournal.INSTANCE;
        }
        return ChronicleJournal.builder(options.folder())
            .rollCycle(options.rollCycle())
            .retainCycles(options.retainCycles())
            .maxBytes(options.maxBytes())
            .sync(options.sync())
            .payloadCodec(codec)
            .open();
    }
}
