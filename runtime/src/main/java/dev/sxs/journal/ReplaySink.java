package dev.sxs.journal;

/**
 * Role: where replayed records go. Called from the replaying thread only, one record at a time, in
 * journal order.
 */
public interface ReplaySink
{
    /**
     * Take one record.
     *
     * @param entry the record; valid only during this call (see {@link JournalEntry#toRecord()}).
     */
    void accept(JournalEntry entry);

    /**
     * The replay has ended (done, cancelled or failed): flush what is buffered. Default: nothing.
     */
    default void finish()
    {
    }
}
