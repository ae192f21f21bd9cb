/**
 * The language's {@code core/entity/*} commands: an entity holding the admin right manages entities from a
 * script (create, grant, revoke, limit, home, admin, delete, show, list), each change audited as
 * {@code Entity.change} through the session's {@link dev.sxs.entity.Access}. They find the runtime's
 * {@link dev.sxs.entity.Entities} through the interpreter's services.
 */
package dev.sxs.lang.entity;
