/**
 * The list commands {@code core/list/new len nth each append}. {@code new} and {@code append} make a
 * sequence {@code [...]}; the commands accept any list as L (sequence, call-shaped or block). A list one
 * of them makes is bounded by the budget's size limit ({@code budget.size}); each item {@code each}
 * visits costs a budget step. Registered by {@link dev.sxs.lang.core.CoreCommands}. Threading:
 * stateless.
 */
package dev.sxs.lang.list;
