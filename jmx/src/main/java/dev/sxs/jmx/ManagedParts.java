package dev.sxs.jmx;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Dispatcher;
import dev.sxs.gateway.Gateway;
import dev.sxs.jmx.access.ChannelAccess;
import dev.sxs.jmx.access.DispatcherChannels;
import dev.sxs.jmx.access.EntitiesView;
import dev.sxs.jmx.access.EntityAccess;
import dev.sxs.jmx.access.EngineTasks;
import dev.sxs.jmx.access.EvaluationCounters;
import dev.sxs.jmx.access.JournalAccess;
import dev.sxs.jmx.access.JournalView;
import dev.sxs.jmx.access.KvStoreView;
import dev.sxs.jmx.access.RegistrySessions;
import dev.sxs.jmx.access.RuntimeAccess;
import dev.sxs.jmx.access.SessionAccess;
import dev.sxs.jmx.access.StoreAccess;
import dev.sxs.jmx.access.TaskAccess;
import dev.sxs.jmx.audit.AuditLog;
import dev.sxs.jmx.audit.JournalAuditLog;
import dev.sxs.journal.EventStreamSource;
import dev.sxs.journal.Journal;
import dev.sxs.kv.KvStore;
import dev.sxs.session.Principal;
import dev.sxs.task.ClusterTasks;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The views of one runtime that management needs. Immutable.
 *
 * @param runtime  the runtime.
 * @param channels the dispatcher.
 * @param store    the store.
 * @param journal  the journal.
 * @param audit    where management actions that are not submissions (store writes, replays, stop) are recorded.
 * @param sessions the open sessions.
 * @param journalAppends records appended to the journal so far (for metrics).
 * @param evaluations    script evaluation counters (for metrics).
 * @param entities       the entities (the {@code Entities} MBean and the denials metric).
 * @param tasks          the durable tasks ({@link TaskAccess#NONE} for none).
 */
public record ManagedParts(
    RuntimeAccess runtime,
    ChannelAccess channels,
    StoreAccess store,
    JournalAccess journal,
    AuditLog audit,
    SessionAccess sessions,
    LongSupplier journalAppends,
    EvaluationCounters evaluations,
    EntityAccess entities,
    TaskAccess tasks)
{
    /** Checks every part is present. */
    public ManagedParts
    {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(journalAppends, "journalAppends");
        Objects.requireNonNull(evaluations, "evaluations");
        Objects.requireNonNull(entities, "entities");
        Objects.requireNonNull(tasks, "tasks");
    }

    /**
     * The parts of a runtime without tasks.
     *
     * @param runtime        the runtime.
     * @param channels       the dispatcher.
     * @param store          the store.
     * @param journal        the journal.
     * @param audit          where management actions that are not submissions are recorded.
     * @param sessions       the open sessions.
     * @param journalAppends records appended to the journal so far.
     * @param evaluations    script evaluation counters.
     * @param entities       the entities.
     */
    public ManagedParts(final RuntimeAccess runtime, final ChannelAccess channels, final StoreAccess store,
        final JournalAccess journal, final AuditLog audit, final SessionAccess sessions,
        final LongSupplier journalAppends, final EvaluationCounters evaluations, final EntityAccess entities)
    {
        this(runtime, channels, store, journal, audit, sessions, journalAppends, evaluations, entities,
            TaskAccess.NONE);
    }

    /**
     * @param tasks the runtime's control of the tasks on its store (every runtime's on a shared store).
     * @param root  the root store (frames are read from it).
     * @return these parts with the tasks MBean served from those tasks.
     */
    public ManagedParts withTasks(final ClusterTasks tasks, final KvStore root)
    {
        return new ManagedParts(runtime, channels, store, journal, audit, sessions, journalAppends, evaluations,
            entities, new EngineTasks(tasks, root));
    }

    /**
     * The parts of a live runtime, from its components. Installs the journal audit log as the gateway's
     * audit trail: every audit record, of submissions and of the other actions, is written through it.
     *
     * @param runtime       the runtime view (e.g. a {@link dev.sxs.jmx.access.RuntimeView}).
     * @param store         the root store.
     * @param dispatcher    the dispatcher.
     * @param journal       the journal (may be the no-op journal).
     * @param gateway       the runtime's gateway: evaluations, publications, replays, audit.
     * @param evaluations   evaluation counters, or {@link EvaluationCounters#NONE}.
     * @param auditFallback where audit records go when the journal cannot take them.
     * @param threads       the runtime's thread factory (replays run on its threads).
     * @return the parts.
     */
    public static ManagedParts live(
        final RuntimeAccess runtime,
        final KvStore store,
        final Dispatcher dispatcher,
        final Journal journal,
        final Gateway gateway,
        final EvaluationCounters evaluations,
        final Consumer<String> auditFallback,
        final SxsThreadFactory threads)
    {
        return live(runtime, store, dispatcher, journal, gateway, evaluations, auditFallback, threads, null);
    }

    /**
     * The parts of a live runtime whose backend keeps a shared event stream: as
     * {@link #live(RuntimeAccess, KvStore, Dispatcher, Journal, Gateway, EvaluationCounters, Consumer,
     * SxsThreadFactory)}, and the JMX replay reads {@code stream} instead of the journal.
     *
     * @param runtime       the runtime view.
     * @param store         the root store.
     * @param dispatcher    the dispatcher.
     * @param journal       the journal (may be the no-op journal).
     * @param gateway       the runtime's gateway.
     * @param evaluations   evaluation counters.
     * @param auditFallback where audit records go when the journal cannot take them.
     * @param threads       the runtime's thread factory.
     * @param stream        the backend's event stream ({@code SxsRuntime.eventStream()}), or null for none.
     * @return the parts.
     */
    public static ManagedParts live(
        final RuntimeAccess runtime,
        final KvStore store,
        final Dispatcher dispatcher,
        final Journal journal,
        final Gateway gateway,
        final EvaluationCounters evaluations,
        final Consumer<String> auditFallback,
        final SxsThreadFactory threads,
        final EventStreamSource stream)
    {
        final boolean journaled = journal.isEnabled();
        gateway.auditTo(new JournalAuditLog(journal, auditFallback));
        return new ManagedParts(
            runtime,
            new DispatcherChannels(dispatcher, gateway),
            new KvStoreView(store),
            new JournalView(journal, gateway::republish, threads, stream),
            (who, operation, detail) -> gateway.audit(Principal.jmx(who), operation, detail),
            new RegistrySessions(gateway),
            () -> journaled ? dispatcher.lastSequence() : 0,
            evaluations,
            new EntitiesView(gateway),
            TaskAccess.NONE);
    }
}
