package dev.sxs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The REPL's history: the entries sent, oldest first, kept in a file one entry a line (a line break inside
 * an entry written as {@code \n}), at most {@link #DEFAULT_HISTORY_SIZE} in memory. {@code !!} and
 * {@code !N} recall entries.
 * <p>
 * Threading: the CLI's main thread. Failure: never throws; history is a convenience, a file that cannot
 * be read or written is ignored.
 */
final class ReplHistory
{
    /** Entries of history kept in memory. */
    static final int DEFAULT_HISTORY_SIZE = 500;

    private final Path file;
    private final List<String> entries = new ArrayList<>();

    /**
     * @param file the history file, read now if it exists.
     */
    ReplHistory(final Path file)
    {
        this.file = file;
        try
        {
            if (file != null && Files.isRegularFile(file))
            {
                for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
                {
                    entries.add(line.replace("\\n", "\n"));
                }
            }
        }
        catch (final IOException ignored)
        {
            // no history then
        }
        trim();
    }

    /** @return the entries, oldest first (a live view). */
    List<String> entries()
    {
        return entries;
    }

    /**
     * @param bang {@code !!} for the last entry, {@code !N} for entry N (from 1).
     * @return the entry, or null when there is none.
     */
    String recall(final String bang)
    {
        if (entries.isEmpty())
        {
            return null;
        }
        if (bang.equals("!!"))
        {
            return entries.get(entries.size() - 1);
        }
        try
        {
            final int n = Integer.parseInt(bang.substring(1));
            return n >= 1 && n <= entries.size() ? entries.get(n - 1) : null;
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }

    /**
     * @param entry an entry sent; appended to the file.
     */
    void add(final String entry)
    {
        entries.add(entry);
        trim();
        if (file == null)
        {
            return;
        }
        try
        {
            Files.writeString(file, entry.replace("\n", "\\n") + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (final IOException ignored)
        {
            // history is a convenience
        }
    }

    private void trim()
    {
        while (entries.size() > DEFAULT_HISTORY_SIZE)
        {
            entries.remove(0);
        }
    }
}
