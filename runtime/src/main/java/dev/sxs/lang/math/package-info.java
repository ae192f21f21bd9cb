/**
 * The arithmetic commands {@code core/math/add sub mul div mod}, folded left over their arguments by
 * {@link dev.sxs.lang.math.Arithmetic}: integers stay 64-bit integers ({@code div} truncates toward
 * zero, {@code mod} takes the dividend's sign), a real anywhere makes the result real; overflow and
 * division by zero are error values naming the command; and {@code min max abs}. Registered by
 * {@link dev.sxs.lang.core.CoreCommands}. Threading: stateless. Allocation: the result value only.
 */
package dev.sxs.lang.math;
