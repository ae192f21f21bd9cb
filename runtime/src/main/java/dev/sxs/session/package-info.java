/**
 * Sessions: who runs scripts ({@link dev.sxs.session.Principal}, with the {@link dev.sxs.session.Origin}
 * of the way in), in which scope, what they registered (their event handlers) and their lifecycle.
 * The {@link dev.sxs.session.SessionRegistry} of a runtime keeps every open session; closing one removes
 * the handlers it registered. The language's evaluation context of a session is its
 * {@link dev.sxs.lang.Session}, whose id owns the handlers in the dispatcher.
 */
package dev.sxs.session;
