package dev.sxs.runtime;

import java.util.ServiceLoader;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.journal.EventStreamSource;
import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvStore;

/**
 * Opens the store the {@code backend} setting names: the embedded {@link ChronicleKvStore} for
 * {@value BackendOptions#CHRONICLE}, else the {@link Backend} of that name found with {@link ServiceLoader} in
 * the class loader that loaded sxs (in agent mode, sxs's isolated loader, which holds the nested NATS module).
 * Stateless.
 */
public final class Backends
{
    private Backends()
    {
    }

    /**
     * @param config  the configuration.
     * @param threads the runtime's thread factory.
     * @return the root store the configuration describes; the caller owns it.
     * @throws IllegalStateException when the named backend is not in this build.
     * @throws RuntimeException      when the store cannot be opened.
     */
    public static KvStore openStore(final Config config, final SxsThreadFactory threads)
    {
        final BackendOptions options = config.backend();
        return options.embedded() ? ChronicleKvStore.open(config.kv(), threads)
            : find(options.name()).openStore(options, threads);
    }

    /**
     * @param config  the configuration.
     * @param threads the runtime's thread factory.
     * @return the channel bridge of the configured backend, or null when channels stay in this JVM (the embedded
     *         backend).
     */
    public static ChannelBridge openChannels(final Config config, final SxsThreadFactory threads)
    {
        final BackendOptions options = config.backend();
        return options.embedded() ? null
            : find(options.name()).openChannels(options, threads, ValuePayloadCodec.INSTANCE);
    }

    /**
     * @param options the backend's settings.
     * @param threads the thread factory for the stream's connections.
     * @return the shared event stream of that backend, or null for the embedded backend (its journal is a Chronicle
     *         Queue folder) and for a backend that keeps none.
     * @throws IllegalStateException when the named backend is not in this build.
     */
    public static EventStreamSource eventStream(final BackendOptions options, final SxsThreadFactory threads)
    {
        return options.embedded() ? null : find(options.name()).eventStream(options, threads);
    }

    /**
     * @param name a backend name.
     * @return its provider.
     * @throws IllegalStateException when no provider has that name.
     */
    static Backend find(final String name)
    {
        for (final Backend backend : ServiceLoader.load(Backend.class, Backend.class.getClassLoader()))
        {
            if (backend.name().equals(name))
            {
                return backend;
            }
        }
        throw new IllegalStateException("backend '" + name + "' is not in this build (its module, sxs-" + name
            + ", is missing from the class path)");
    }
}
