package dev.sxs.gateway;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.sxs.entity.Access;
import dev.sxs.kv.KeyText;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.Interpreter;
import dev.sxs.lang.Value;
import dev.sxs.session.SessionRequest;
import dev.sxs.session.SxsSession;

/**
 * The script side of the {@link Gateway}: admits a {@link ScriptSubmission} (closed runtime, access policy,
 * entity, scope, session, audit, in that order) and then queues it on a processor or runs it on the caller's
 * thread. The gateway's switches (closed, policy, entity checks, audit trail) stay in the {@link Gateway} and
 * are read from it per submission, so a change applies to the next script.
 * <p>
 * Threading: safe from any thread. Failure: never throws for bad input; a refusal is one error value.
 * Allocation: the admission and the script's futures.
 */
final class ScriptGate
{
    private final Gateway gateway;
    private final ScriptQueue scripts;
    private final Interpreter interpreter;

    /** A session ready to run the script in, or why there is none. */
    private record Admission(SxsSession session, ErrorValue refusal)
    {
    }

    /**
     * @param gateway     whose switches and sessions apply.
     * @param scripts     where scripts are queued (the processors).
     * @param interpreter evaluates scripts run on the caller's thread.
     */
    ScriptGate(final Gateway gateway, final ScriptQueue scripts, final Interpreter interpreter)
    {
        this.gateway = gateway;
        this.scripts = scripts;
        this.interpreter = interpreter;
    }

    /** As {@link Gateway#submit(ScriptSubmission, ScriptProgress)}. */
    CompletableFuture<List<Value>> submit(final ScriptSubmission submission, final ScriptProgress progress)
    {
        final Admission admission = admit(submission);
        if (admission.refusal() != null)
        {
            progress.cancel("refused");
            return CompletableFuture.completedFuture(List.of(admission.refusal()));
        }
        final SxsSession session = admission.session();
        final int topic = submission.topic() != ScriptSubmission.SESSION_TOPIC ? submission.topic()
            : session.isNamed() ? session.topic() : scripts.topicFor(session.id());
        final CompletableFuture<List<Value>> queued = scripts.submit(submission.source(), topic, session,
            progress);
        // completes after the release: a listing right after the answer no longer shows a finished unnamed session
        final CompletableFuture<List<Value>> answer = queued.whenComplete((values, failure) -> session.release());
        answer.whenComplete((values, failure) ->
        {
            if (answer.isCancelled())
            {
                queued.cancel(false);
                session.release();
            }
        });
        return answer;
    }

    /** As {@link Gateway#evaluate(ScriptSubmission)}. */
    List<Value> evaluate(final ScriptSubmission submission)
    {
        final Admission admission = admit(submission);
        if (admission.refusal() != null)
        {
            return List.of(admission.refusal());
        }
        try
        {
            return interpreter.eval(submission.source(), admission.session().context());
        }
        finally
        {
            admission.session().release();
        }
    }

    private Admission admit(final ScriptSubmission submission)
    {
        if (gateway.isClosed())
        {
            return new Admission(null, new ErrorValue("runtime is closed"));
        }
        if (submission.source() == null)
        {
            return new Admission(null, new ErrorValue("submit: expects a script"));
        }
        if (!gateway.accessPolicy().permits(submission))
        {
            return new Admission(null, new ErrorValue(submission.action() + ": not permitted for "
                + submission.principal()));
        }
        final SessionRequest request = submission.session();
        final EntityChecks checks = gateway.entityChecks();
        final EntityChecks.Admit who = checks == null ? null : checks.admit(submission.principal(), request.scope());
        if (who != null && who.refusal() != null)
        {
            return new Admission(null, new ErrorValue(who.refusal()));
        }
        final String scope = who == null ? gateway.resolveScope(request.scope()) : who.access().scope();
        final String badScope = HiddenKeys.isHidden(scope)
            ? "scope must not contain the character U+0000 (reserved for sxs's own keys)"
            : KeyText.problem("scope", scope);
        if (badScope != null)
        {
            return new Admission(null, new ErrorValue(submission.action() + ": " + badScope));
        }
        final SxsSession session = gateway.sessions().open(request.name(), submission.principal(), scope,
            request.replace(), who == null ? Access.UNRESTRICTED : who.access());
        final String foreign = who == null ? null : checks.sessionDenied(submission.principal(), who, session,
            request.name());
        if (foreign != null)
        {
            return new Admission(null, new ErrorValue(foreign));
        }
        if (request.scope() != null && !request.scope().equals(session.scope()))
        {
            return new Admission(null, new ErrorValue("session " + request.name() + " runs in scope \""
                + session.scope() + "\", not \"" + request.scope() + "\" (close it, or use replace)"));
        }
        if (submission.principal().origin().audited())
        {
            gateway.audit(submission.principal(), submission.action(), detail(request, session, submission.source()));
        }
        return new Admission(session, null);
    }

    private static String detail(final SessionRequest request, final SxsSession session, final String source)
    {
        final String where = session.scope().isEmpty() ? "" : "scope=" + session.scope() + " ";
        final String named = request.name() == null ? ""
            : "session=" + request.name() + (request.replace() ? " replace " : " ");
        return named + where + source;
    }
}
