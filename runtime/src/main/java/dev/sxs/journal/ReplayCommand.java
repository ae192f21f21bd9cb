package dev.sxs.journal;

import java.io.PrintStream;
import java.util.List;

/**
 * The logic of {@code sxs replay DIR [options]}: opens the journal folder read-only (it may be in use by
 * a running sxs), replays the requested range to a {@link PrintSink} on the output stream, and returns
 * the exit status.
 * <p>
 * Exit status: {@link #EXIT_OK} when the replay reached its end; {@link #EXIT_USAGE} for bad usage or a
 * folder that is not a journal, with one line on the error stream; {@link #EXIT_FAILED} when the replay
 * stopped on an error (corrupt record, I/O failure), with the message on the error stream.
 * Never calls {@code System.exit}; never throws.
 */
public final class ReplayCommand
{
    /** Exit status: done. */
    public static final int EXIT_OK = 0;
    /** Exit status: the replay failed part-way. */
    public static final int EXIT_FAILED = 1;
    /** Exit status: bad usage or not a journal folder. */
    public static final int EXIT_USAGE = 2;
    /** Records between progress lines with {@code --progress}. */
    public static final long DEFAULT_PROGRESS_EVERY = 1L << 20;

    private ReplayCommand()
    {
    }

    /**
     * Parse the arguments and run. {@code --help} (or {@code -h}) anywhere prints the usage on
     * {@code out} and returns {@link #EXIT_OK} without reading anything.
     *
     * @param args the arguments after {@code replay}.
     * @param out  where records are printed.
     * @param err  where errors and progress go.
     * @return the exit status.
     */
    public static int run(final List<String> args, final PrintStream out, final PrintStream err)
    {
        if (args.contains("--help") || args.contains("-h"))
        {
            out.println(ReplayOptions.USAGE);
            out.println("  see docs/journal.md; exit 0 done, 1 failed part-way, 2 bad usage or not a journal folder");
            return EXIT_OK;
        }
        final ReplayOptions options;
        try
        {
            options = ReplayOptions.parse(args);
        }
        catch (final ReplayUsageException ex)
        {
            err.println(ex.getMessage());
            err.println(ReplayOptions.USAGE);
            return EXIT_USAGE;
        }
        return run(options, out, err);
    }

    /**
     * Run with validated options.
     *
     * @param options the options.
     * @param out     where records are printed.
     * @param err     where errors and progress go.
     * @return the exit status.
     */
    public static int run(final ReplayOptions options, final PrintStream out, final PrintStream err)
    {
        final JournalReader reader;
        try
        {
            reader = JournalReader.open(options.dir());
        }
        catch (final JournalException ex)
        {
            err.println("replay: " + ex.getMessage());
            return EXIT_USAGE;
        }
        catch (final RuntimeException | LinkageError ex)
        {
            err.println("replay: cannot open journal folder " + options.dir() + ": " + Replay.describe(ex));
            return EXIT_USAGE;
        }
        try (reader)
        {
            final Replay replay = new Replay(reader, options.request());
            if (options.progress())
            {
                replay.onProgress(p -> err.println(progressLine(p)), DEFAULT_PROGRESS_EVERY);
            }
            // a paced replay shows each record as it is replayed; an instant one writes in blocks
            final PrintSink print = options.request().pace() == ReplayRequest.Pace.ORIGINAL
                ? PrintSink.streaming(out) : new PrintSink(out);
            final RecordType only = options.type();
            final ReplaySink sink = only == null ? print : new ReplaySink()
            {
                @Override
                public void accept(final JournalEntry entry)
                {
                    if (entry.type() == only)
                    {
                        print.accept(entry);
                    }
                }

                @Override
                public void finish()
                {
                    print.finish();
                }
            };
            final ReplayProgress progress = replay.run(sink);
            if (progress.state() == ReplayProgress.State.FAILED)
            {
                err.println("replay: " + progress.error());
                return EXIT_FAILED;
            }
            return EXIT_OK;
        }
        catch (final RuntimeException ex)
        {
            err.println("replay: failed: " + Replay.describe(ex));
            return EXIT_FAILED;
        }
    }

    /**
     * @param progress a replay's progress.
     * @return one human line, e.g. {@code replay: 1048576/2000000 records read (52%), 1048576 printed}.
     */
    public static String progressLine(final ReplayProgress progress)
    {
        return "replay: " + progress.read() + "/" + progress.total() + " records read ("
            + Math.round(progress.fraction() * 100) + "%), " + progress.delivered() + " printed"
            + (progress.isFinished() ? ", " + progress.state().name().toLowerCase(java.util.Locale.ROOT) : "");
    }
}
