package dev.sxs.journal;

import java.util.Locale;

/**
 * When the journal forces its records to the storage device ({@code fsync}), setting {@code journal.sync}.
 * Every mode survives the death of the process: a record is in the OS page cache once its append returned.
 * The modes differ in what survives a crash of the machine (power loss, kernel panic).
 */
public enum JournalSync
{
    /** Never forced by sxs: the OS writes dirty pages back within its own delay (about 30 s on Linux). */
    NONE,
    /** Each append forces the journal file before it returns, inside the journal's append lock. */
    EVERY;

    /**
     * @return the setting's text for this mode, lower case.
     */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
