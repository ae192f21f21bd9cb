package dev.sxs.runtime;

import dev.sxs.events.EventJournal;
import dev.sxs.journal.Journal;
import dev.sxs.journal.JournalOptions;
import dev.sxs.journal.Journals;
import dev.sxs.kv.DataFolderLock;

import java.nio.file.Path;

/**
 * The journal a runtime opens itself, with the lock on its folder: one appending process per journal folder,
 * as per data folder, so two hosts with different data folders never interleave their records in one
 * journal. No second lock is taken when the journal lives in the data folder, whose lock the store holds.
 * <p>
 * Threading: opened by the runtime's starter, closed once by the runtime's close. Failure: {@link #open}
 * leaves nothing open when it throws.
 *
 * @param journal the opened journal (the no-op journal when disabled).
 * @param lock    the journal folder's lock, or null when none was needed.
 */
record OwnedJournal(Journal journal, DataFolderLock lock) implements AutoCloseable
{
    /**
     * @param options   the journal's options.
     * @param storeFile the store's file, or null for a store without one.
     * @return the journal with its folder locked.
     * @throws RuntimeException when the folder is locked by another process or the journal cannot be opened.
     */
    static OwnedJournal open(final JournalOptions options, final Path storeFile)
    {
        final DataFolderLock lock = options.enabled() && options.folder() != null
            && !sameFolder(options.folder(), storeFile)
            ? DataFolderLock.acquire(options.folder(), "journal folder")
            : null;
        try
        {
            return new OwnedJournal(Journals.open(options, ValuePayloadCodec.INSTANCE), lock);
        }
        catch (final RuntimeException | Error ex)
        {
            if (lock != null)
            {
                lock.close();
            }
            throw ex;
        }
    }

    /** @return the dispatcher's journal hook: null when disabled, so the dispatcher skips its journal lock. */
    EventJournal hook()
    {
        return journal.isEnabled() ? journal : null;
    }

    /** Closes the journal, then releases its folder. */
    @Override
    public void close()
    {
        journal.close();
        if (lock != null)
        {
            lock.close();
        }
    }

    /** @return true when the journal folder is the data folder holding {@code storeFile}, already locked. */
    private static boolean sameFolder(final Path journal, final Path storeFile)
    {
        final Path data = storeFile == null ? null : storeFile.getParent();
        return data != null && journal.toAbsolutePath().normalize().equals(data.toAbsolutePath().normalize());
    }
}
