package dev.sxs.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.sxs.journal.ReplayOptions;
import dev.sxs.journal.ReplayUsageException;
import dev.sxs.runtime.BackendOptions;
import dev.sxs.runtime.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sxs replay DIR [options]}: prints a journal, or with {@code --into PID|HOST:PORT} re-publishes it
 * into the sxs running there ({@link ReplayInto}). The printing logic, options and exit statuses are those of
 * {@link dev.sxs.journal.ReplayCommand} (see {@code docs/journal.md}); every option is declared here so
 * {@code sxs replay --help} lists them.
 */
@Command(name = "replay", sortOptions = false, description = {
    "Read a journal folder back: print its records, one a line (INDEX TIME CHANNEL TOPIC \"SCOPE\" PAYLOAD), "
        + "or re-publish them into a running sxs with --into.",
    "Exit 0 done, 1 failed part-way, 2 bad usage or not a journal folder, 3 the --into JVM cannot be reached. "
        + "See docs/journal.md."})
final class ReplayCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
        description = "the journal folder (read-only; it may be in use by a running sxs), or nats://HOST:PORT[,...] "
            + "for the event stream of backend=nats")
    String dir;

    @Option(names = "--from", paramLabel = "INDEX", description = "start at this record index (decimal or 0x hex)")
    String from;

    @Option(names = "--since", paramLabel = "TIME", description = "start at the first record stamped at or after "
        + "TIME: an ISO-8601 instant (2026-11-26T20:00:00Z), a UTC date-time or date, or epoch milliseconds")
    String since;

    @Option(names = "--to", paramLabel = "INDEX", description = "end at this record index (inclusive)")
    String to;

    @Option(names = "--until", paramLabel = "TIME", description = "end at the last record stamped at or before TIME")
    String until;

    @Option(names = "--channel", paramLabel = "C", description = "only this channel: A..F, or exec for scripts")
    String channel;

    @Option(names = "--topic", paramLabel = "T", description = "only this topic, 0..65535")
    String topic;

    @Option(names = "--type", paramLabel = "TYPE", description = "only this record type: event, script or audit "
        + "(with --into: event, the default, or script)")
    String type;

    @Option(names = "--pace", paramLabel = "PACE", description = "instant (default) or original: keep the recorded "
        + "gaps, printing each record as it is replayed")
    String pace;

    @Option(names = "--speed", paramLabel = "N", description = "original pace N times faster (60: an hour in a "
        + "minute; 0.5: half speed)")
    String speed;

    @Option(names = "--progress", description = "a progress line on stderr every 1,048,576 records and at the end")
    boolean progress;

    @Option(names = "--into", paramLabel = "PID|HOST:PORT", description = "re-publish into the sxs running there "
        + "instead of printing; DIR must be that sxs's journal; handlers run, their publications are suppressed")
    String into;

    @Option(names = "--user", paramLabel = "USER", description = "JMX user for --into HOST:PORT (password from "
        + "$SXS_JMX_PASSWORD or a prompt)")
    String user;

    @Option(names = "--ssl", description = "the --into HOST:PORT connector uses TLS")
    boolean ssl;

    @Option(names = "--stream", paramLabel = "NAME", description = "with DIR nats://HOST:PORT[,...]: the event "
        + "stream to read (default: nats.stream, sxs-events)")
    String stream;

    @Option(names = "--scope", paramLabel = "S", description = "with a NATS stream: only events of this scope "
        + "(\"\" for the root)")
    String scope;

    @Option(names = "--config", paramLabel = "FILE", description = "with a NATS stream: a properties file of nats.* "
        + "settings (credentials, TLS), as the agent's config=FILE")
    Path config;

    @Override
    public Integer call()
    {
        final ReplayOptions options;
        try
        {
            options = ReplayOptions.of(dir, from, since, to, until, channel, topic, pace, progress, type, speed);
        }
        catch (final ReplayUsageException ex)
        {
            throw usage(ex.getMessage());
        }
        final boolean fromStream = StreamReplayCli.isStream(dir);
        if (!fromStream && (stream != null || scope != null || config != null))
        {
            throw usage("--stream, --scope and --config read a NATS stream: give DIR as nats://HOST:PORT");
        }
        if (fromStream && into != null)
        {
            if (scope != null || since != null || until != null)
            {
                throw usage("--into with a stream takes --from/--to sequences, --channel and --topic only");
            }
            return new ReplayInto(options, target(), spec.commandLine().getOut(), spec.commandLine().getErr())
                .runStream();
        }
        if (fromStream)
        {
            final BackendOptions backend;
            try
            {
                backend = StreamReplayCli.options(dir, stream, config);
            }
            catch (final ConfigException ex)
            {
                throw usage(ex.getMessage());
            }
            final PrintStream out = System.out;
            final int status = StreamReplayCli.print(options, backend, scope, out, System.err);
            out.flush();
            return status;
        }
        if (into == null)
        {
            final PrintStream out = System.out;
            final int status = dev.sxs.journal.ReplayCommand.run(options, out, System.err);
            out.flush();
            return status;
        }
        if (pace != null || speed != null)
        {
            throw usage("--into re-publishes at once; --pace and --speed apply to printing");
        }
        return new ReplayInto(options, target(), spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }

    private TargetOptions target()
    {
        final TargetOptions target = new TargetOptions();
        target.target = into;
        target.user = user;
        target.ssl = ssl;
        return target;
    }

    private static CliException usage(final String message)
    {
        final String text = message.startsWith("replay: ") ? message.substring("replay: ".length()) : message;
        return new CliException(SxsCli.EXIT_USAGE, text + " (see: sxs help replay)");
    }
}
