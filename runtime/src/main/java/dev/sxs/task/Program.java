package dev.sxs.task;

import dev.sxs.lang.Body;
import dev.sxs.lang.Interpreter;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Reader;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import java.util.List;

/**
 * A stored function compiled for a task: its parameters, one {@link Body} per top-level form of its body
 * (the steps) and the whole body (what {@code core/task/call} runs). Immutable.
 *
 * @param text   the function's text it was compiled from (one instance for every task of the text).
 * @param params the parameter names.
 * @param steps  the steps, in order.
 * @param whole  the whole body.
 */
record Program(String text, String[] params, Body[] steps, Body whole)
{
    /**
     * @param interpreter compiles the forms.
     * @param text        a stored function's text, {@code [(PARAM ...) {BODY}]}.
     * @return the program, or null when the text is not a function.
     */
    static Program compile(final Interpreter interpreter, final String text)
    {
        final Value form = Reader.readOne(text);
        if (!(form instanceof ListValue def) || def.items().size() != 2
            || !(def.items().get(0) instanceof ListValue params) || !(def.items().get(1) instanceof ListValue block))
        {
            return null;
        }
        final String[] names = new String[params.items().size()];
        for (int i = 0; i < names.length; i++)
        {
            if (!(params.items().get(i) instanceof SymValue s))
            {
                return null;
            }
            names[i] = s.name();
        }
        final List<Value> forms = block.items();
        final Body[] steps = new Body[forms.size()];
        for (int i = 0; i < steps.length; i++)
        {
            steps[i] = interpreter.compileBody(new ListValue(ListKind.BLOCK, List.of(forms.get(i))));
        }
        return new Program(text, names, steps, interpreter.compileBody(block));
    }
}
