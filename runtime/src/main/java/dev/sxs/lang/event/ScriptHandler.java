package dev.sxs.lang.event;

import dev.sxs.entity.Access;
import dev.sxs.entity.Permission;
import dev.sxs.events.Event;
import dev.sxs.events.EventHandler;
import dev.sxs.lang.Binding;
import dev.sxs.lang.Body;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Interpreter;
import dev.sxs.lang.Session;
import dev.sxs.lang.Value;

/**
 * A handler whose body is sxs code, compiled once at {@code sub} time. Each event runs the body in
 * the subscriber's session (its scope), under a fresh budget, with {@code $data}, {@code $channel}
 * and {@code $topic} bound, as the entity of that session: its {@code S} right is checked again at each
 * event, and a delivery it no longer has is skipped and reported as a denial. A body that returns an error
 * value fails the delivery: the dispatcher counts it and logs each distinct message once.
 * <p>
 * Threading: stateless apart from immutable fields; called by one worker at a time per topic.
 */
final class ScriptHandler implements EventHandler
{
    private final Interpreter interpreter;
    private final Session session;
    private final Body body;

    ScriptHandler(final Interpreter interpreter, final Session session, final Body body)
    {
        this.interpreter = interpreter;
        this.session = session;
        this.body = body;
    }

    @Override
    public void onEvent(final Event event)
    {
        final Access access = session.access();
        if (!access.maySubscribe(event.channel(), event.topic()))
        {
            // revoked since sub: the body no longer runs (the denial is counted and audited, not a handler error)
            access.denyEvent(Permission.SUBSCRIBE, event.channel(), event.topic());
            return;
        }
        final Context ctx = interpreter.newContext(session);
        ctx.bind(Binding.DATA, Value.ofPayload(event.payload()));
        ctx.bind(Binding.CHANNEL, EventArgs.symbolOf(event.channel()));
        ctx.bind(Binding.TOPIC, IntValue.of(event.topic()));
        final Value result = body.run(ctx);
        if (result.isError())
        {
            throw new HandlerFailure(result.print());
        }
    }

    /** @return the body as written, printed (how operators see the handler in a session listing). */
    @Override
    public String toString()
    {
        return body.block().print();
    }

    /** A handler body's error value, as the failure the dispatcher counts (no stack trace). */
    static final class HandlerFailure extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        HandlerFailure(final String message)
        {
            super(message, null, false, false);
        }
    }
}
