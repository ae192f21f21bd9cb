package dev.sxs.journal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What journal {@link Journals#open} opens. The defaults of the journal's settings are the
 * {@code DEFAULT_*} constants here; the runtime's {@code Config} takes them from here. Immutable; loads
 * no Chronicle class (the roll cycle is kept as its name).
 *
 * @param enabled      whether accepted events are journaled.
 * @param folder       the journal folder; null means nothing is persisted (the journal is then off).
 * @param rollCycle    a Chronicle Queue roll cycle name from {@link #ROLL_CYCLES}, upper case.
 * @param retainCycles roll cycles to keep; 0 keeps all.
 * @param maxBytes     bound on the cycle files' total size: the oldest cycles are deleted beyond it, never the
 *                     one being written; 0 keeps all.
 * @param sync         when records are forced to the storage device ({@code journal.sync}).
 */
public record JournalOptions(boolean enabled, Path folder, String rollCycle, int retainCycles, long maxBytes,
    JournalSync sync)
{
    /** Journaling is on by default (it still needs a folder). */
    public static final boolean DEFAULT_ENABLED = true;
    /** The roll cycle used when none is configured. */
    public static final String DEFAULT_ROLL_CYCLE = "FAST_DAILY";
    /** Keep every roll cycle by default. */
    public static final int DEFAULT_RETAIN_CYCLES = 0;
    /** The journal's default size bound: 1 GiB of cycle files. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    /** Records are not forced by default: they survive a crash of the process, not of the machine. */
    public static final JournalSync DEFAULT_SYNC = JournalSync.NONE;
    /** Name of the journal folder inside a data folder, when no journal folder is given. */
    public static final String DEFAULT_FOLDER_NAME = "journal";

    /**
     * The accepted roll cycle names, upper case: the constants of Chronicle Queue's {@code RollCycles},
     * then {@code LargeRollCycles} and {@code TestRollCycles}. Kept as text so that reading settings loads
     * no Chronicle class; a test checks the list against Chronicle ({@link RollCycleNames#names()}).
     */
    public static final List<String> ROLL_CYCLES = List.of(
        "FIVE_MINUTELY", "TEN_MINUTELY", "TWENTY_MINUTELY", "HALF_HOURLY", "FAST_HOURLY", "TWO_HOURLY",
        "FOUR_HOURLY", "SIX_HOURLY", "FAST_DAILY", "WEEKLY",
        "LARGE_HOURLY", "LARGE_DAILY", "XLARGE_DAILY", "HUGE_DAILY",
        "TEST_SECONDLY", "TEST4_SECONDLY", "TEST_HOURLY", "TEST_DAILY", "TEST2_DAILY", "TEST4_DAILY",
        "TEST8_DAILY");

    /**
     * @throws IllegalArgumentException for an unknown roll cycle or a negative retention.
     */
    public JournalOptions
    {
        if (rollCycle == null || !ROLL_CYCLES.contains(rollCycle))
        {
            throw new IllegalArgumentException(badRollCycle(rollCycle));
        }
        if (retainCycles < 0)
        {
            throw new IllegalArgumentException("retainCycles must be >= 0: " + retainCycles);
        }
        if (maxBytes < 0)
        {
            throw new IllegalArgumentException("maxBytes must be >= 0: " + maxBytes);
        }
        java.util.Objects.requireNonNull(sync, "sync");
    }

    /**
     * Options that do not force records ({@link #DEFAULT_SYNC}).
     *
     * @param enabled      whether accepted events are journaled.
     * @param folder       the journal folder, or null.
     * @param rollCycle    a roll cycle name.
     * @param retainCycles roll cycles to keep; 0 keeps all.
     * @param maxBytes     bound on the cycle files' total size; 0 keeps all.
     */
    public JournalOptions(final boolean enabled, final Path folder, final String rollCycle, final int retainCycles,
        final long maxBytes)
    {
        this(enabled, folder, rollCycle, retainCycles, maxBytes, DEFAULT_SYNC);
    }

    /**
     * Options with the default size bound ({@link #DEFAULT_MAX_BYTES}).
     *
     * @param enabled      whether accepted events are journaled.
     * @param folder       the journal folder, or null.
     * @param rollCycle    a roll cycle name.
     * @param retainCycles roll cycles to keep; 0 keeps all.
     */
    public JournalOptions(final boolean enabled, final Path folder, final String rollCycle, final int retainCycles)
    {
        this(enabled, folder, rollCycle, retainCycles, DEFAULT_MAX_BYTES);
    }

    /**
     * @param folder the journal folder; null for none (journal off).
     * @return the defaults, journaling into that folder.
     */
    public static JournalOptions in(final Path folder)
    {
        return new JournalOptions(DEFAULT_ENABLED, folder, DEFAULT_ROLL_CYCLE, DEFAULT_RETAIN_CYCLES);
    }

    /**
     * @param dataFolder a data folder, or null.
     * @return the default journal folder inside it, or null when there is none.
     */
    public static Path defaultFolder(final Path dataFolder)
    {
        return dataFolder == null ? null : dataFolder.resolve(DEFAULT_FOLDER_NAME);
    }

    /**
     * @param name a roll cycle name in any case, surrounding blanks ignored.
     * @return its upper-case name from {@link #ROLL_CYCLES}.
     * @throws IllegalArgumentException naming the bad value and the accepted names.
     */
    public static String canonicalRollCycle(final String name)
    {
        final String upper = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        if (!ROLL_CYCLES.contains(upper))
        {
            throw new IllegalArgumentException(badRollCycle(name));
        }
        return upper;
    }

    /**
     * @return what a roll cycle setting accepts, as the "(expected ...)" part of a message.
     */
    public static String rollCycleExpectation()
    {
        return "one of " + String.join(", ", ROLL_CYCLES) + ", in any case";
    }

    private static String badRollCycle(final String name)
    {
        return "bad value for 'journal.rollCycle': '" + name + "' (expected " + rollCycleExpectation() + ")";
    }
}
