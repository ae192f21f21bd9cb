package dev.sxs.lang;

/**
 * One node of a compiled form: the executable tree the {@link Compiler} builds once per form.
 * <p>
 * Threading: nodes are immutable after compilation and may be evaluated by many threads at once,
 * each with its own {@link Context}. Failure: {@link #eval} never throws for language-level
 * problems; it returns an {@link ErrorValue}.
 */
@FunctionalInterface
public interface Node
{
    /**
     * Evaluate this node.
     *
     * @param ctx the evaluation context of the calling thread.
     * @return the value, possibly an {@link ErrorValue}; never null.
     */
    Value eval(Context ctx);
}
