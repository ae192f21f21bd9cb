package dev.sxs.lang.fn;

import dev.sxs.lang.Body;

/**
 * A stored function, compiled: its parameter names (without {@code $}), its body, the stored text it
 * was compiled from, and the registry version it was compiled against (a command registered later
 * makes it compile again). Immutable.
 *
 * @param params  the parameter names, in order.
 * @param body    the compiled body.
 * @param text    the stored text, {@code [(PARAM ...) {BODY}]}.
 * @param version the command registry's version at compilation.
 */
record Function(String[] params, Body body, String text, long version)
{
}
