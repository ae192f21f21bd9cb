/**
 * The string commands {@code core/str/concat len sub split join contains upper lower trim num}. Lengths and positions count
 * characters (Unicode code points), so a character outside the Basic Multilingual Plane counts as one;
 * a string one of them makes is bounded by the budget's size limit ({@code budget.size}). Registered by
 * {@link dev.sxs.lang.core.CoreCommands}. Threading: stateless.
 */
package dev.sxs.lang.str;
