package dev.sxs.it.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.sxs.events.Channel;
import dev.sxs.journal.JournalReader;
import dev.sxs.journal.Replay;
import dev.sxs.journal.ReplayProgress;
import dev.sxs.journal.ReplayRequest;
import dev.sxs.journal.RepublishSink;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.runtime.ValuePayloadCodec;

/**
 * The fresh runtime of {@link ProbeTomcatIT}, in a JVM of its own: it starts an sxs runtime on an empty data
 * folder, runs the handler script (the one the server's boot script ran), re-publishes the channel A events of
 * another sxs's journal into it through the gateway (as the JMX replay does: handlers run, nothing is journaled
 * again), and prints one line {@code KEY VALUE} per key asked for, then {@code done}.
 * Arguments: {@code JOURNAL DATA HANDLER KEY...}.
 */
public final class ProbeReplayMain
{
    private ProbeReplayMain()
    {
    }

    /**
     * @param args the journal to replay, the fresh data folder, the handler script, the keys to print.
     * @throws Exception when the runtime does not start or the replay does not finish.
     */
    public static void main(final String[] args) throws Exception
    {
        final Config config = Config.defaults().with(Map.of("data", args[1], "kv.entries", "1000"));
        try (SxsRuntime runtime = SxsRuntime.start(config, LogSink.NONE);
             JournalReader reader = JournalReader.open(Path.of(args[0])))
        {
            runtime.submit(args[2], 0).get(30, TimeUnit.SECONDS);
            final RepublishSink sink = new RepublishSink(ValuePayloadCodec.INSTANCE, runtime.gateway()::republish);
            final ReplayProgress progress = new Replay(reader, ReplayRequest.ALL.withChannel(Channel.A)).run(sink);
            if (progress.state() != ReplayProgress.State.DONE || !runtime.dispatcher().drain(30_000))
            {
                throw new IllegalStateException("replay did not finish: " + progress);
            }
            System.out.println("replayed " + sink.published());
            for (final String key : List.of(args).subList(3, args.length))
            {
                final List<Value> value = runtime.eval("(core/kv/get \"" + key + "\")", "");
                System.out.println(key + " " + value.get(0).print());
            }
        }
        System.out.println("done");
    }
}
