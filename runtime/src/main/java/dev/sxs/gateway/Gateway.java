package dev.sxs.gateway;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import dev.sxs.entity.Entities;
import dev.sxs.entity.LiveEntity;
import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.Event;
import dev.sxs.events.Publication;
import dev.sxs.lang.Interpreter;
import dev.sxs.lang.Value;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRegistry;
import dev.sxs.session.SxsSession;

/**
 * The one way into a runtime. Every submission passes here, in this order: refused when the runtime is
 * closed or the {@link AccessPolicy} says no; with {@link #checkEntities} its entity is resolved and checked
 * ({@link EntityChecks}: may it act as whom it asks, use the scope, open one more session, publish there and
 * that fast), each denial counted and audited; its session is resolved (a named one shared, a fresh one
 * made, {@code replace} closing the old one first) and its scope with it (the configured default scope is
 * resolved here and nowhere else); an audit record is written through the {@link AuditTrail} for the
 * audited origins (CLI, JMX); then a script goes to the processors ({@link #submit}) or runs on the
 * caller's thread ({@link #evaluate}), both through its {@link ScriptGate}, and an event goes to the dispatcher
 * ({@link #publish}).
 * Replays re-publish through {@link #republish}; replayed scripts run in {@link #replaySession}s.
 * <p>
 * Threading: every method is safe from any thread. Failure: nothing throws for bad input; scripts give
 * error values, events a negative code ({@link Publication} or {@link #NOT_PERMITTED}).
 */
public final class Gateway
{
    /** Publication code of an event the access policy or the entity's grants refused. */
    public static final long NOT_PERMITTED = -100;
    /** Publication code of an event over its entity's publish rate limit. */
    public static final long RATE_LIMITED = -101;

    private final String defaultScope;
    private final SessionRegistry sessions;
    private final ScriptGate scripts;
    private final Dispatcher dispatcher;
    private volatile AuditTrail audit = AuditTrail.NONE;
    private volatile AccessPolicy access = AccessPolicy.ALLOW_ALL;
    private volatile boolean closed;
    private volatile EntityChecks entities;

    /**
     * @param defaultScope the scope of submissions that name none ("" for root).
     * @param sessions     the runtime's sessions.
     * @param scripts      where scripts are queued (the processors).
     * @param interpreter  evaluates scripts run on the caller's thread.
     * @param dispatcher   where events are published.
     */
    public Gateway(final String defaultScope, final SessionRegistry sessions, final ScriptQueue scripts,
        final Interpreter interpreter, final Dispatcher dispatcher)
    {
        this.defaultScope = defaultScope == null ? "" : defaultScope;
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.scripts = new ScriptGate(this, Objects.requireNonNull(scripts, "scripts"),
            Objects.requireNonNull(interpreter, "interpreter"));
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /**
     * @param trail where audit records go from now on (the agent installs the journal audit log).
     * @return this.
     */
    public Gateway auditTo(final AuditTrail trail)
    {
        this.audit = Objects.requireNonNull(trail, "trail");
        return this;
    }

    /**
     * @param policy decides from now on which submissions may go ahead.
     * @return this.
     */
    public Gateway permitWith(final AccessPolicy policy)
    {
        this.access = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Check every submission against the entities from now on (without this call every submission runs with
     * every right, as the built-in {@code root}).
     *
     * @param registry the entities.
     * @param mapping  which entity each principal runs as.
     * @return this.
     */
    public Gateway checkEntities(final Entities registry, final EntityMapping mapping)
    {
        this.entities = new EntityChecks(registry, mapping, defaultScope, this::audit);
        return this;
    }

    /** @return the entity checks, or null when entities are not checked. */
    public EntityChecks entityChecks()
    {
        return entities;
    }

    /** @return the runtime's sessions. */
    public SessionRegistry sessions()
    {
        return sessions;
    }

    /**
     * @param requested a scope, or null.
     * @return the scope itself, or the configured default scope for null.
     */
    public String resolveScope(final String requested)
    {
        return requested == null ? defaultScope : requested;
    }

    /**
     * Queue a script on a processor: the submission's topic if it names one, else a named session's own
     * topic (its scripts run in order on one processor), else, for an unnamed session, the processor the
     * queue picks ({@link ScriptQueue#topicFor}: an idle one), so scripts of different callers run
     * concurrently and a stuck script delays only its own caller.
     *
     * @param submission the script.
     * @return completes with one value per top-level form, or a single error value; never exceptionally
     *         unless cancelled: cancelling it cancels the script (it stops at its next budget check or
     *         await, and its processor moves on).
     */
    public CompletableFuture<List<Value>> submit(final ScriptSubmission submission)
    {
        return submit(submission, new ScriptProgress());
    }

    /**
     * Queue a script as {@link #submit(ScriptSubmission)} does, telling {@code progress} when it starts and how
     * it ended, so a caller that gives up can cancel it and then say whether it ran ({@link ScriptProgress}).
     *
     * @param submission the script.
     * @param progress   the script's progress; a script refused before it was queued settles it as not run.
     * @return as {@link #submit(ScriptSubmission)}.
     */
    public CompletableFuture<List<Value>> submit(final ScriptSubmission submission, final ScriptProgress progress)
    {
        return scripts.submit(submission, progress);
    }

    /**
     * Run a script on the calling thread (the Java API's {@code eval}), under one fresh budget.
     *
     * @param submission the script; its topic is ignored.
     * @return one value per top-level form, or a single error value.
     */
    public List<Value> evaluate(final ScriptSubmission submission)
    {
        return scripts.evaluate(submission);
    }

    /**
     * Publish an event.
     *
     * @param submission the event.
     * @return its sequence number (&gt; 0), or a negative {@link Publication} code or {@link #NOT_PERMITTED}.
     */
    public long publish(final EventSubmission submission)
    {
        return publish(submission, false, 0);
    }

    /**
     * Publish an event that must never wait (a probe's): as {@link #publish}, but a full channel refuses it at once
     * ({@link Dispatcher#offer(Channel, int, Object, String, long)}) whatever its overflow strategy. Stamped with
     * a time the caller took already: a probe's call end, read once on the host thread.
     *
     * @param submission the event.
     * @param offeredAt  a {@link System#nanoTime} reading: the event's time.
     * @return its sequence number (&gt; 0), or a negative {@link Publication} code or {@link #NOT_PERMITTED}.
     */
    public long offer(final EventSubmission submission, final long offeredAt)
    {
        return publish(submission, true, offeredAt);
    }

    /**
     * Before an {@link #offer}: refuse it at once when its channel is full now ({@link Dispatcher#rejectIfFull},
     * counted as rejected), so a source that must never wait skips building a payload the channel would refuse.
     * A racy hint: false does not promise room.
     *
     * @param channel the channel the offer would go to, not null.
     * @return true when the offer is refused (treat it as {@link Publication#QUEUE_FULL}); false to go on.
     */
    public boolean rejectIfFull(final Channel channel)
    {
        return dispatcher.rejectIfFull(channel);
    }

    /** @param offeredAt an offer's time ({@link System#nanoTime}); ignored unless {@code neverWait}. */
    private long publish(final EventSubmission submission, final boolean neverWait, final long offeredAt)
    {
        if (closed)
        {
            return Publication.CLOSED;
        }
        if (!access.permits(submission))
        {
            return NOT_PERMITTED;
        }
        final EntityChecks checks = entities;
        final String scope;
        if (checks == null)
        {
            scope = resolveScope(submission.scope());
        }
        else
        {
            // the sender is resolved once per event; its grants and rate are read live
            final LiveEntity sender = checks.senderOf(submission);
            scope = sender == null ? null : checks.scopeOfEvent(submission, sender);
            if (scope != null && !checks.underRate(submission, sender))
            {
                return RATE_LIMITED;
            }
        }
        if (scope == null)
        {
            return NOT_PERMITTED;
        }
        if (submission.principal().origin().audited())
        {
            audit(submission.principal(), submission.action(), (scope.isEmpty() ? "" : "scope=" + scope + " ")
                + "topic=" + submission.topic() + " " + submission.payload());
        }
        return neverWait
            ? dispatcher.offer(submission.channel(), submission.topic(), submission.payload(), scope, offeredAt)
            : dispatcher.publish(submission.channel(), submission.topic(), submission.payload(), scope);
    }

    /**
     * Re-publish a journaled event (the replay target): handlers run, their publications are suppressed,
     * nothing is journaled again. The replay's start was audited and checked already.
     *
     * @param event the recorded event.
     * @return its sequence number, or a negative {@link Publication} code.
     */
    public long republish(final Event event)
    {
        return closed ? Publication.CLOSED : dispatcher.publishReplay(event);
    }

    /**
     * A replayed script runs as root: the journal records its scope, not who submitted it (docs/entities.md).
     *
     * @param scope the scope a replayed script recorded.
     * @return a fresh session of the replay principal there, as the entity root.
     */
    public SxsSession replaySession(final String scope)
    {
        return sessions.open(null, Principal.REPLAY, scope == null ? "" : scope, false);
    }

    /**
     * Close a session by name or id (audited as {@code Sessions.close} for audited origins).
     *
     * @param who      who asks.
     * @param nameOrId the session's name or decimal id.
     * @return the number of handlers removed, or -1 when no such session is open.
     */
    public int closeSession(final Principal who, final String nameOrId)
    {
        if (who.origin().audited())
        {
            audit(who, "Sessions.close", String.valueOf(nameOrId));
        }
        final SxsSession session = sessions.find(nameOrId);
        final EntityChecks checks = entities;
        if (session == null || checks != null && !checks.mayClose(who, session))
        {
            return -1;
        }
        return sessions.close(session);
    }

    /**
     * Write one audit record (the management actions that are not submissions: store writes, replays,
     * stop). Never throws.
     *
     * @param who    who acts.
     * @param action the action.
     * @param detail its arguments.
     */
    public void audit(final Principal who, final String action, final String detail)
    {
        try
        {
            audit.record(who, action, detail);
        }
        catch (final RuntimeException ignored)
        {
            // auditing never stops the action
        }
    }

    /**
     * @param code a negative result of {@link #publish}.
     * @return what it means.
     */
    public static String describe(final long code)
    {
        return code == NOT_PERMITTED ? "not permitted" : code == RATE_LIMITED ? "over the entity's rate limit"
            : Publication.describe(code);
    }

    /** Refuse every submission from now on (the runtime is closing). */
    public void close()
    {
        closed = true;
    }

    /** @return true once {@link #close()} was called. */
    boolean isClosed()
    {
        return closed;
    }

    /** @return the access policy in force now. */
    AccessPolicy accessPolicy()
    {
        return access;
    }
}
