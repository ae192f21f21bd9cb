/**
 * The commands of {@code core/expr/*} that decide and bind: {@code if}, {@code and}, {@code or},
 * {@code not}, the comparisons {@code eq ne lt le gt ge}, {@code let} (local names) and {@code while}.
 * Truth is {@link dev.sxs.lang.Value#isTrue}: only the symbol {@code false} is false. An error value
 * in a condition or operand propagates. Registered by {@link dev.sxs.lang.core.CoreCommands}.
 * Threading: every command is stateless. Allocation: none beyond the values the forms make.
 */
package dev.sxs.lang.expr;
