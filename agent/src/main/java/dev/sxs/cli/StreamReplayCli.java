package dev.sxs.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.sxs.agent.AgentSettings;
import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.journal.EventStreamSource;
import dev.sxs.journal.PrintSink;
import dev.sxs.journal.RecordType;
import dev.sxs.journal.ReplayOptions;
import dev.sxs.journal.ReplayProgress;
import dev.sxs.journal.ReplayRequest;
import dev.sxs.journal.StreamReplay;
import dev.sxs.runtime.Backends;
import dev.sxs.runtime.BackendOptions;
import dev.sxs.runtime.Config;

/**
 * {@code sxs replay nats://HOST:PORT[,...] [--stream NAME] [--scope S] [--config FILE] [options]}: prints the
 * events of a NATS cluster's event stream (the journal of {@code backend=nats}) instead of a journal folder's
 * records, in the same format, the index being the stream sequence. Credentials and TLS come from the
 * {@code nats.*} settings of {@code --config FILE} or the {@code sxs.nats.*} system properties, as for the agent.
 * Re-publishing into a running sxs ({@code --into}) goes through its JMX {@code Journal.replay}, which reads the
 * stream itself ({@link ReplayInto#runStream()}).
 * <p>
 * Threading: the CLI's main thread. Failure: exit 2 for bad usage, 1 when the stream cannot be read or fails
 * part-way, with one line on the error stream.
 */
final class StreamReplayCli
{
    private StreamReplayCli()
    {
    }

    /**
     * @param source the DIR argument.
     * @return true when it names NATS servers rather than a folder.
     */
    static boolean isStream(final String source)
    {
        return source != null && (source.startsWith("nats://") || source.startsWith("tls://"));
    }

    /**
     * @param servers    the server URLs (DIR), separated by commas or semicolons.
     * @param stream     the stream's name, or null for {@code nats.stream}'s value.
     * @param configFile a properties file of settings ({@code nats.user}, {@code nats.credsFile}, ...), or null.
     * @return the backend's settings.
     */
    static BackendOptions options(final String servers, final String stream, final Path configFile)
    {
        final Map<String, String> settings = new LinkedHashMap<>();
        if (configFile != null)
        {
            settings.putAll(AgentSettings.readFile(configFile));
        }
        System.getProperties().stringPropertyNames().stream()
            .filter(name -> name.startsWith(AgentSettings.PROPERTY_PREFIX + "nats."))
            .forEach(name -> settings.put(name.substring(AgentSettings.PROPERTY_PREFIX.length()),
                System.getProperty(name)));
        settings.put("backend", BackendOptions.NATS);
        settings.put("nats.servers", servers);
        if (stream != null)
        {
            settings.put("nats.stream", stream);
        }
        return Config.parse(settings).backend();
    }

    /**
     * Print the selected events of the stream.
     *
     * @param options the parsed replay options (their DIR is ignored).
     * @param backend the backend's settings.
     * @param scope   only events of this origin scope, or null for all.
     * @param out     where events are printed.
     * @param err     where errors and progress go.
     * @return the exit status.
     */
    static int print(final ReplayOptions options, final BackendOptions backend, final String scope,
        final PrintStream out, final PrintStream err)
    {
        if (options.request().pace() != ReplayRequest.Pace.INSTANT)
        {
            err.println("sxs replay: --pace and --speed read a journal folder; a stream replays at once");
            return SxsCli.EXIT_USAGE;
        }
        if (options.type() != null && options.type() != RecordType.EVENT)
        {
            err.println("sxs replay: the event stream holds events only, not " + options.type().name()
                .toLowerCase(java.util.Locale.ROOT) + " records");
            return SxsCli.EXIT_USAGE;
        }
        final EventStreamSource source = Backends.eventStream(backend, SxsThreadFactory.create());
        final StreamReplay replay;
        try
        {
            replay = new StreamReplay(source.open(options.request(), scope));
        }
        catch (final RuntimeException ex)
        {
            err.println("replay: " + ex.getMessage());
            return SxsCli.EXIT_ERROR_VALUE;
        }
        final ReplayProgress progress = replay.run(new PrintSink(out));
        if (options.progress())
        {
            err.println(dev.sxs.journal.ReplayCommand.progressLine(progress));
        }
        if (progress.state() == ReplayProgress.State.FAILED)
        {
            err.println("replay: " + progress.error());
            return SxsCli.EXIT_ERROR_VALUE;
        }
        return SxsCli.EXIT_OK;
    }
}
