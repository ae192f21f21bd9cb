package dev.sxs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.sxs.events.Channel;
import dev.sxs.jmx.SxsManagement;
import dev.sxs.journal.JournalException;
import dev.sxs.journal.JournalRange;
import dev.sxs.journal.JournalReader;
import dev.sxs.journal.RecordType;
import dev.sxs.journal.ReplayOptions;

/**
 * {@code sxs replay DIR --into PID|HOST:PORT}: re-publishes a range of a running sxs's own journal into it,
 * through its {@code Journal.replay} operation, in replay mode (handlers run and their store writes apply,
 * the events are not journaled again, the handlers' own publications are suppressed). The range is found
 * here, in the folder read-only, by the same index search as a printing replay, and handed over as indexes.
 * Events only unless {@code --type script} names the scripts. Waits for the end, printing progress with
 * {@code --progress}.
 * <p>
 * Threading: the CLI's main thread. Failure: a {@link CliException} for bad usage (exit 2) or an
 * unreachable target (exit 3); a replay that fails in the target exits 1 with its message.
 */
final class ReplayInto
{
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final String[] REPLAY_SIGNATURE = {long.class.getName(), long.class.getName(),
        String.class.getName(), int.class.getName()};

    private final ReplayOptions options;
    private final TargetOptions target;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param options the validated replay options.
     * @param target  the JVM to re-publish into.
     * @param out     where the outcome goes.
     * @param err     where progress goes.
     */
    ReplayInto(final ReplayOptions options, final TargetOptions target, final PrintWriter out, final PrintWriter err)
    {
        this.options = options;
        this.target = target;
        this.out = out;
        this.err = err;
    }

    /**
     * @return the exit status: 0 when the replay reached its end, 1 when it failed or was cancelled.
     */
    int run()
    {
        final String selection = selection(options);
        final Path folder = realPath(options.dir());
        try (RuntimeClient client = target.connect())
        {
            final String journal = String.valueOf(client.attribute(SxsManagement.JOURNAL, "Folder"));
            if (journal.isEmpty())
            {
                throw new CliException(SxsCli.EXIT_USAGE, "the sxs in " + target.target + " has no journal (journal"
                    + ".enabled=false or no data folder): nothing to replay into");
            }
            if (!realPath(Path.of(journal)).equals(folder))
            {
                throw new CliException(SxsCli.EXIT_USAGE, "--into replays the journal of the sxs it names: "
                    + target.target + " journals to " + journal + ", not " + options.dir());
            }
            final JournalRange range = range();
            if (range.isEmpty())
            {
                out.println("replay: nothing to re-publish: no record of " + options.dir() + " is in the range");
                return SxsCli.EXIT_OK;
            }
            final int topic = options.request().topic();
            client.invoke(SxsManagement.JOURNAL, "replay",
                new Object[] {range.firstIndex(), range.lastIndex(), selection, topic}, REPLAY_SIGNATURE);
            return await(client, range.firstIndex() + ".." + range.lastIndex(), range.records());
        }
    }

    /**
     * Re-publish a range of the event stream of a running sxs on {@code backend=nats}: its {@code Journal.replay}
     * reads the stream itself, so the range is given as stream sequences ({@code --from}, {@code --to}).
     *
     * @return the exit status: 0 when the replay reached its end, 1 when it failed or was cancelled.
     */
    int runStream()
    {
        final String selection = selection(options);
        final long from = options.request().fromIndex();
        final long to = options.request().toIndex() == Long.MAX_VALUE ? -1 : options.request().toIndex();
        try (RuntimeClient client = target.connect())
        {
            client.invoke(SxsManagement.JOURNAL, "replay",
                new Object[] {from, to, selection, options.request().topic()}, REPLAY_SIGNATURE);
            final String first = from < 0 ? "first" : Long.toString(from);
            return await(client, first + ".." + (to < 0 ? "last" : Long.toString(to)) + " of the stream", -1);
        }
    }

    private JournalRange range()
    {
        try (JournalReader reader = JournalReader.open(options.dir()))
        {
            return reader.range(options.request());
        }
        catch (final JournalException ex)
        {
            throw new CliException(SxsCli.EXIT_USAGE, ex.getMessage());
        }
    }

    private int await(final RuntimeClient client, final String indexes, final long records)
    {
        long nextProgress = System.nanoTime() + PROGRESS_NANOS;
        String state = state(client);
        while (state.equals("RUNNING"))
        {
            // the target's replay runs on its own thread; its state is only visible by asking
            LockSupport.parkNanos(POLL_NANOS);
            state = state(client);
            if (options.progress() && System.nanoTime() >= nextProgress)
            {
                nextProgress += PROGRESS_NANOS;
                err.println("replay: " + client.attribute(SxsManagement.JOURNAL, "ReplayRead") + "/" + records
                    + " records read, " + client.attribute(SxsManagement.JOURNAL, "ReplayDelivered") + " re-published");
            }
        }
        final Object read = client.attribute(SxsManagement.JOURNAL, "ReplayRead");
        final Object delivered = client.attribute(SxsManagement.JOURNAL, "ReplayDelivered");
        final String error = String.valueOf(client.attribute(SxsManagement.JOURNAL, "ReplayError"));
        out.println("replay into " + target.target + ": indexes " + indexes + ", " + read
            + (records < 0 ? "" : "/" + records) + " records read, " + delivered + " re-published, "
            + state.toLowerCase(java.util.Locale.ROOT) + (error.isEmpty() ? "" : ": " + error));
        return state.equals("DONE") ? SxsCli.EXIT_OK : SxsCli.EXIT_ERROR_VALUE;
    }

    private static String state(final RuntimeClient client)
    {
        return String.valueOf(client.attribute(SxsManagement.JOURNAL, "ReplayState"));
    }

    /** The channel argument of {@code Journal.replay}: events of one or all channels, or the scripts. */
    static String selection(final ReplayOptions options)
    {
        final Channel channel = options.request().channel();
        final RecordType type = options.type();
        if (type == RecordType.AUDIT)
        {
            throw new CliException(SxsCli.EXIT_USAGE, "--into re-publishes events or scripts, never audit records");
        }
        if (type == RecordType.SCRIPT)
        {
            if (channel != null && channel != Channel.EXEC)
            {
                throw new CliException(SxsCli.EXIT_USAGE, "scripts are on channel exec, not " + channel.label());
            }
            return Channel.EXEC.label();
        }
        if (channel == Channel.EXEC)
        {
            throw new CliException(SxsCli.EXIT_USAGE, "channel exec holds scripts, which re-run subscribe their "
                + "handlers again: add --type script to re-run them");
        }
        return channel == null ? "" : channel.label();
    }

    private static Path realPath(final Path path)
    {
        try
        {
            return path.toRealPath();
        }
        catch (final IOException ex)
        {
            return path.toAbsolutePath().normalize();
        }
    }
}
