/**
 * The core commands: {@code core/kv/*} (set, get, del, exists, snx, cas, incr, iterate),
 * {@code core/expr/eval}, {@code core/util/log}, {@code core/util/now}; registered by
 * {@link dev.sxs.lang.core.CoreCommands#registerAll}. The KEY rules and the stored-value text codec
 * ({@link dev.sxs.lang.core.StoredValues}) live here too.
 */
package dev.sxs.lang.core;
