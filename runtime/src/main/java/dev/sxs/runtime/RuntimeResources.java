package dev.sxs.runtime;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.EventJournal;
import dev.sxs.journal.Journal;
import dev.sxs.kv.KvStore;

import java.util.function.UnaryOperator;

/**
 * What a {@link SxsRuntime} stands on, opened before it wires its parts and released after it drained them: the
 * root store (opened by the runtime, or the caller's, which the caller keeps owning), the journal the runtime
 * opened with its folder lock ({@link OwnedJournal}) or only the caller's journal hook, and the channel bridge of a
 * cluster backend (null for the embedded one).
 * <p>
 * Threading: opened on the starting thread; {@link #stopBridge} and {@link #close} are called once each, by the
 * runtime's close (or its start when wiring failed). Failure: {@link #open} leaves nothing open when it throws.
 */
final class RuntimeResources
{
    private final KvStore store;
    private final boolean ownsStore;
    private final EventJournal journalHook;
    private final OwnedJournal ownedJournal;
    private final ChannelBridge bridge;

    private RuntimeResources(final KvStore store, final boolean ownsStore, final EventJournal journalHook,
        final OwnedJournal ownedJournal, final ChannelBridge bridge)
    {
        this.store = store;
        this.ownsStore = ownsStore;
        this.journalHook = journalHook;
        this.ownedJournal = ownedJournal;
        this.bridge = bridge;
    }

    /**
     * Open the store (wrapped by {@code decorate}), the channel bridge and the journal the configuration names.
     *
     * @param config   the configuration.
     * @param threads  the runtime's thread factory (the key indexer, the bridge's readers).
     * @param decorate wraps the opened root store; closing the wrapper must close the store.
     * @return the opened resources, owned by the runtime.
     * @throws RuntimeException when the store, bridge or journal cannot be opened; what was opened is closed.
     */
    static RuntimeResources open(final Config config, final SxsThreadFactory threads,
        final UnaryOperator<KvStore> decorate)
    {
        // the embedded Chronicle store, or the backend the configuration names (backend=nats)
        final KvStore store = decorate.apply(Backends.openStore(config, threads));
        OwnedJournal journal = null;
        ChannelBridge bridge = null;
        try
        {
            bridge = Backends.openChannels(config, threads); // null for the embedded backend
            journal = OwnedJournal.open(config.journal(), store.file());
            return new RuntimeResources(store, true, journal.hook(), journal, bridge);
        }
        catch (final RuntimeException | Error ex)
        {
            if (bridge != null)
            {
                bridge.close();
            }
            if (journal != null)
            {
                journal.close();
            }
            store.close();
            throw ex;
        }
    }

    /**
     * @param store   the caller's root store, which the caller keeps owning.
     * @param journal the caller's journal hook, or null for none.
     * @return resources of which the runtime closes nothing.
     */
    static RuntimeResources borrowed(final KvStore store, final EventJournal journal)
    {
        return new RuntimeResources(store, false, journal, null, null);
    }

    /** @return the root (unscoped) store. */
    KvStore store()
    {
        return store;
    }

    /** @return the dispatcher's journal hook, or null for none. */
    EventJournal journalHook()
    {
        return journalHook;
    }

    /** @return the journal the runtime opened, or null when it was given only a journal hook. */
    Journal journal()
    {
        return ownedJournal == null ? null : ownedJournal.journal();
    }

    /** @return the channel bridge of a cluster backend, or null. */
    ChannelBridge bridge()
    {
        return bridge;
    }

    /** Stop the channel bridge, if any: no more events from other JVMs while the runtime drains. */
    void stopBridge()
    {
        if (bridge != null)
        {
            bridge.close();
        }
    }

    /** Release the journal, then the store, where the runtime opened them. */
    void close()
    {
        if (ownedJournal != null)
        {
            ownedJournal.close();
        }
        if (ownsStore)
        {
            store.close();
        }
    }
}
