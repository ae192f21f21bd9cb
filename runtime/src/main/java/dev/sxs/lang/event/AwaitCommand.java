package dev.sxs.lang.event;

import dev.sxs.entity.Access;
import dev.sxs.entity.Permission;
import dev.sxs.events.Awaiter;
import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.Event;
import dev.sxs.lang.Args;
import dev.sxs.lang.Body;
import dev.sxs.lang.Budget;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;

/**
 * {@code (core/expr/await BODY CHANNEL TOPIC [TIMEOUT_MS])}: evaluate CHANNEL, TOPIC and TIMEOUT,
 * start listening there, then evaluate BODY (a form, or a block which is run), then wait for the
 * next event on CHANNEL/TOPIC published in the session's scope. The session's entity needs {@code S} there.
 * Returns the event's payload, BODY's error if it failed, {@code @"await timed out after N ms"} (default
 * {@code await.timeoutMillis}), or, in a handler when as many handlers already await as there may be
 * compensating threads, {@code @"core/expr/await: refused: ..."} at once (see {@link Awaiter#isRefused()}).
 * <p>
 * The wait counts against the script's wall-time budget and never outlives it: when the budget runs out
 * first the await returns the budget's error ({@code @"budget exceeded: N ms"}, and the script stops
 * there); when the script is cancelled (its caller gave up) it returns {@code @"cancelled: ..."} at once.
 * The one statement of this rule is {@code docs/events.md}, "Await".
 * <p>
 * Never deadlocks the runtime: see {@link Awaiter} and {@code docs/events.md}.
 */
public final class AwaitCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 3 && args.size() != 4)
        {
            return args.usage("BODY CHANNEL TOPIC [TIMEOUT_MS]");
        }
        final Dispatcher dispatcher = EventArgs.dispatcher(ctx);
        if (dispatcher == null)
        {
            return EventArgs.noEvents(args);
        }
        final Value channelArg = args.eval(1, ctx);
        final Channel channel = EventArgs.channelOf(channelArg);
        if (channel == null)
        {
            return EventArgs.badChannel(args, channelArg);
        }
        final Value topicArg = args.eval(2, ctx);
        final int topic = EventArgs.topicOf(topicArg);
        if (topic < 0)
        {
            return EventArgs.badTopic(args, topicArg);
        }
        final Access access = ctx.session().access();
        if (!access.maySubscribe(channel, topic))
        {
            return new ErrorValue(access.denyEvent(Permission.SUBSCRIBE, channel, topic));
        }
        long timeout = dispatcher.options().awaitTimeoutMillis();
        if (args.size() == 4)
        {
            final Value t = args.eval(3, ctx);
            if (t.isError())
            {
                return t;
            }
            if (!(t instanceof IntValue n) || n.value() < 0)
            {
                return args.error("TIMEOUT_MS must be an integer >= 0, got " + Printer.print(t));
            }
            timeout = n.value();
        }
        final Budget budget = ctx.budget();
        try (Awaiter awaiter = dispatcher.listen(channel, topic, ctx.session().scope()))
        {
            final Body body = args.body(0);
            final Value done = body != null ? body.run(ctx) : args.eval(0, ctx);
            if (done.isError())
            {
                return done;
            }
            final long left = budget.remainingMillis();
            final long wait = Math.min(timeout, left);
            final Event event;
            budget.onCancel(awaiter::cancel);
            try
            {
                event = awaiter.await(wait);
            }
            finally
            {
                budget.onCancel(null);
            }
            if (event != null)
            {
                return Value.ofPayload(event.payload());
            }
            if (awaiter.isRefused())
            {
                return args.error("refused: " + dispatcher.options().maxCompensatingThreads()
                    + " handlers already await, the most that may wait at once; waiting here would stop delivery"
                    + " on this handler's partition");
            }
            if (budget.isCancelled() || wait < timeout)
            {
                return budget.timeUp();
            }
            if (awaiter.isCancelled())
            {
                return args.error("runtime closed");
            }
            return new ErrorValue("await timed out after " + timeout + " ms");
        }
    }
}
