package dev.sxs.nats;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.journal.EventStreamSource;
import dev.sxs.journal.PayloadCodec;
import dev.sxs.kv.KvStore;
import dev.sxs.runtime.Backend;
import dev.sxs.runtime.BackendOptions;
import dev.sxs.runtime.ChannelBridge;

/**
 * The {@code backend=nats} provider the runtime finds through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.sxs.runtime.Backend}). Stateless.
 */
public final class NatsBackend implements Backend
{
    /** For {@link java.util.ServiceLoader}. */
    public NatsBackend()
    {
        // stateless
    }

    @Override
    public String name()
    {
        return BackendOptions.NATS;
    }

    @Override
    public KvStore openStore(final BackendOptions options, final SxsThreadFactory threads)
    {
        return NatsKvStore.open(options, threads);
    }

    @Override
    public ChannelBridge openChannels(final BackendOptions options, final SxsThreadFactory threads,
        final PayloadCodec codec)
    {
        return NatsChannelBridge.open(options, threads, codec);
    }

    @Override
    public EventStreamSource eventStream(final BackendOptions options, final SxsThreadFactory threads)
    {
        return options.stream().isEmpty() ? null : NatsEventStream.source(options, threads);
    }
}
