/**
 * Stored functions: {@code core/fn/def}, {@code core/fn/call}, {@code core/fn/del}, {@code core/fn/list}.
 * A function lives in the store, in the caller's scope, under the hidden key {@code "\0fn:" + NAME}
 * ({@link dev.sxs.lang.HiddenKeys}), as the printed form {@code [(PARAM ...) {BODY}]}: it survives
 * restarts, any later eval, handler or task of that scope can call it, and no script can read or write
 * it as a key. {@link dev.sxs.lang.fn.StoredFunctions} keeps each function compiled until it changes.
 * Registered by {@link dev.sxs.lang.core.CoreCommands} (one {@code StoredFunctions} per registry).
 */
package dev.sxs.lang.fn;
