/**
 * Entities: who runs a script and what it may do. An {@link dev.sxs.entity.Entity} is an immutable
 * snapshot (id, home scope, scope grants {@code R}/{@code W}, event grants {@code P}/{@code S} per channel
 * and topic range, publish rate limit, most sessions, admin right); {@link dev.sxs.entity.Entities} keeps
 * the live ones ({@link dev.sxs.entity.LiveEntity}: the current snapshot, its {@link dev.sxs.entity.RateLimiter}
 * and session count) and persists them in the store under the hidden prefix {@link dev.sxs.entity.Entities#PREFIX}.
 * {@link dev.sxs.entity.Access} is one session's view (entity + scope) that the gateway and the language ask
 * on every KV, publish, subscribe and await; its answers are cached per snapshot, so a check allocates
 * nothing and a change (a grant, a revoke) is seen by the next check. This package sits below the language
 * (it imports only {@code kv} and {@code events}).
 */
package dev.sxs.entity;
