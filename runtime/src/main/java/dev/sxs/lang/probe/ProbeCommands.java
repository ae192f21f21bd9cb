package dev.sxs.lang.probe;

import dev.sxs.entity.Access;
import dev.sxs.entity.Denials;
import dev.sxs.lang.Args;
import dev.sxs.lang.CommandRegistry;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * Registers the probe commands ({@code core/probe/on}, {@code off}, {@code list}). They find the agent's
 * {@link ProbeRegistry} through the interpreter's services; without one they give an error value.
 */
public final class ProbeCommands
{
    /** {@code (core/probe/on CLASS METHOD CHANNEL TOPIC [OPTIONS])}. */
    public static final String ON = "core/probe/on";
    /** {@code (core/probe/off CLASS METHOD)}. */
    public static final String OFF = "core/probe/off";
    /** {@code (core/probe/list)}. */
    public static final String LIST = "core/probe/list";

    private ProbeCommands()
    {
    }

    /**
     * @param registry the registry to extend.
     * @return the same registry.
     */
    public static CommandRegistry registerAll(final CommandRegistry registry)
    {
        return registry
            .register(ON, new ProbeOnCommand())
            .register(OFF, new ProbeOffCommand())
            .register(LIST, new ProbeListCommand());
    }

    /**
     * @param ctx the context.
     * @return the runtime's probe registry, or null when it has no instrumentation.
     */
    static ProbeRegistry registry(final Context ctx)
    {
        return ctx.service(ProbeRegistry.class);
    }

    /**
     * A probe changes the host's code and sees the arguments of every call, whichever tenant made it, so
     * only an entity holding the admin right may install or remove one (root does).
     *
     * @param ctx the evaluation.
     * @return null when its entity holds the admin right, else the denial (counted and audited).
     */
    static ErrorValue notAdmin(final Context ctx)
    {
        final Access access = ctx.session().access();
        return access.isAdmin() ? null : new ErrorValue(access.deny(Denials.action(access.entity().id(),
            "probe the host's methods (needs the admin right)")));
    }

    /**
     * @param args the call.
     * @return the error of a runtime without instrumentation.
     */
    static ErrorValue unavailable(final Args args)
    {
        return args.error("probes need the sxs agent in a JVM (-javaagent or sxs attach); this runtime has no "
            + "instrumentation");
    }

    /**
     * @param v an evaluated CLASS or METHOD argument.
     * @return its text (a string or a symbol), or null.
     */
    static String text(final Value v)
    {
        return v instanceof StrValue s ? s.text() : v instanceof SymValue s ? s.name() : null;
    }
}
