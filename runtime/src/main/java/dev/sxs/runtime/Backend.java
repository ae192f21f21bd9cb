package dev.sxs.runtime;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.journal.EventStreamSource;
import dev.sxs.journal.PayloadCodec;
import dev.sxs.kv.KvStore;

/**
 * A store backend other than the embedded one, found by {@link #name()} among the
 * {@link java.util.ServiceLoader} providers of sxs's class loader when the {@code backend} setting names it
 * ({@link Backends}). The runtime module implements none and imports none: the NATS backend
 * ({@code dev.sxs.nats}) is a module of its own, nested in the agent jar. Implementations need a public
 * no-argument constructor and must be stateless: {@link #openStore} may be called by several runtimes.
 */
public interface Backend
{
    /** @return the name the {@code backend} setting gives, one of {@link BackendOptions#NAMES}. */
    String name();

    /**
     * Open the store (connect, create or bind the bucket, fill the key index).
     *
     * @param options the backend's settings.
     * @param threads the runtime's thread factory: every thread the backend starts comes from it.
     * @return the root store; the runtime owns it and closes it.
     * @throws RuntimeException when the backend cannot be reached, with a message that names it and the
     *                          settings to check; nothing is left open then.
     */
    KvStore openStore(BackendOptions options, SxsThreadFactory threads);

    /**
     * Open the bridge that shares channels A..F with the other JVMs of this backend.
     *
     * @param options the backend's settings.
     * @param threads the runtime's thread factory.
     * @param codec   how payloads become bytes and back (the language's codec).
     * @return the bridge; the runtime owns it and closes it. By default none: channels stay in this JVM.
     * @throws RuntimeException when the backend cannot be reached; nothing is left open then.
     */
    default ChannelBridge openChannels(final BackendOptions options, final SxsThreadFactory threads,
        final PayloadCodec codec)
    {
        return null;
    }

    /**
     * The backend's shared event stream, which {@code sxs replay} and the JMX replay read instead of a Chronicle
     * Queue folder. Opening the source connects nothing: each {@link EventStreamSource#open} does.
     *
     * @param options the backend's settings.
     * @param threads the thread factory for the connections' threads.
     * @return the source, or null when this backend keeps no event stream (the default).
     */
    default EventStreamSource eventStream(final BackendOptions options, final SxsThreadFactory threads)
    {
        return null;
    }
}
