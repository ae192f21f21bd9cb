package dev.sxs.lang;

/**
 * A command of the language, such as {@code core/kv/set}. Registered by name in a
 * {@link CommandRegistry}; calls name it in head position: {@code (core/kv/set k 5)}.
 * <p>
 * The command decides which arguments it evaluates ({@link Args#eval}) and may take a block
 * argument's compiled body ({@link Args#body}). An argument that evaluates to an {@link ErrorValue}
 * must be returned as is (errors propagate). Arity and type mistakes return an error value naming
 * the command, e.g. {@code @"core/kv/cas: expects KEY EXPECTED NEW"} (see {@link Args#usage}).
 * <p>
 * Threading: one instance serves every thread; keep it stateless or thread-safe. Failure: return
 * error values; an exception escaping {@code invoke} is caught by the evaluator and becomes
 * {@code @"<command>: internal error: ..."}, but that is a bug, not a contract.
 */
@FunctionalInterface
public interface Command
{
    /**
     * Run the command.
     *
     * @param args the call's compiled arguments (unevaluated).
     * @param ctx  the evaluation context.
     * @return the result, possibly an error value; never null.
     */
    Value invoke(Args args, Context ctx);
}
