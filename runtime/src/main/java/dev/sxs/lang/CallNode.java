package dev.sxs.lang;

import dev.sxs.kv.KvFullException;

/**
 * A call {@code (head arg ...)} whose head was resolved to a {@link Command} at compile time.
 * Each evaluation spends one budget step and one level of nesting, then invokes the command.
 * Anything the command throws becomes an error value naming the command.
 */
final class CallNode implements Node
{
    private final Command command;
    private final Args args;

    CallNode(final Command command, final Args args)
    {
        this.command = command;
        this.args = args;
    }

    @Override
    public Value eval(final Context ctx)
    {
        ErrorValue error = ctx.budget().step();
        if (error != null)
        {
            return error;
        }
        error = ctx.enter();
        if (error != null)
        {
            return error;
        }
        try
        {
            final Value value = command.invoke(args, ctx);
            return value != null ? value : args.error("internal error: no value returned");
        }
        catch (final KvFullException ex)
        {
            return new ErrorValue(ex.languageMessage());
        }
        catch (final StackOverflowError ex)
        {
            return args.error("stack exhausted");
        }
        catch (final RuntimeException ex)
        {
            return args.error("internal error: " + ex);
        }
        finally
        {
            ctx.leave();
        }
    }
}
