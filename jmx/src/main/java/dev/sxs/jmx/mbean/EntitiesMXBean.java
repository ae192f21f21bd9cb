package dev.sxs.jmx.mbean;

import javax.management.MBeanOperationInfo;

/**
 * {@code dev.sxs:type=Entities}: who may do what (docs/entities.md). Every change needs the caller's entity to
 * hold the admin right (local callers run as {@code root}, which does) and is audited.
 */
@Description("sxs entities: scope grants (R, W), event grants (P, S per channel and topics), publish rate limit, "
    + "most sessions, home scope, admin right. Changes need the admin right and are audited.")
public interface EntitiesMXBean
{
    /** @return one line per entity. */
    @Description("One line per entity: ID home='SCOPE' rate=N sessions=N [admin] grants=RIGHTS TARGET, ...")
    String[] getEntities();

    /** @return denials counted since start. */
    @Description("Requests refused by an entity's grants or limits since start (each is also an audit record).")
    long getDenials();

    /**
     * @param id the new entity.
     * @return its line.
     */
    @Description(value = "Create an entity with no right. Audited.", impact = MBeanOperationInfo.ACTION)
    String create(@Param(name = "id", description = "1..64 of A-Z a-z 0-9 . _ @ -") String id);

    /**
     * @param id     the entity.
     * @param rights the letters.
     * @param target the scope, or CHANNEL:TOPICS.
     * @return its line.
     */
    @Description(value = "Grant R, W, RW on a scope (* for every scope) or P, S, PS on CHANNEL:TOPICS "
        + "(A..F or *, then N, LO-HI or *). Audited.", impact = MBeanOperationInfo.ACTION)
    String grant(@Param(name = "id", description = "the entity's id") String id,
        @Param(name = "rights", description = "R, W, RW, P, S or PS") String rights,
        @Param(name = "target", description = "scope, or CHANNEL:TOPICS such as A:100-199") String target);

    /**
     * @param id     the entity.
     * @param rights the letters.
     * @param target the target as granted.
     * @return its line.
     */
    @Description(value = "Take rights away from the grant on exactly that target; open sessions lose them at "
        + "their next check. Audited.", impact = MBeanOperationInfo.ACTION)
    String revoke(@Param(name = "id", description = "the entity's id") String id,
        @Param(name = "rights", description = "R, W, RW, P, S or PS") String rights,
        @Param(name = "target", description = "the target as granted") String target);

    /**
     * @param id       the entity.
     * @param rate     publishes per sliding second.
     * @param sessions most open sessions.
     * @return its line.
     */
    @Description(value = "Set the publish rate limit (per sliding second) and the most open sessions; 0 = none. "
        + "Audited.", impact = MBeanOperationInfo.ACTION)
    String limit(@Param(name = "id", description = "the entity's id") String id,
        @Param(name = "rate", description = "publishes per second, 0 = unlimited") int rate,
        @Param(name = "sessions", description = "open sessions at most, 0 = unlimited") int sessions);

    /**
     * @param id    the entity.
     * @param scope its home scope.
     * @return its line.
     */
    @Description(value = "Set the scope its sessions get when they name none. Audited.",
        impact = MBeanOperationInfo.ACTION)
    String home(@Param(name = "id", description = "the entity's id") String id,
        @Param(name = "scope", description = "home scope") String scope);

    /**
     * @param id    the entity.
     * @param admin the right.
     * @return its line.
     */
    @Description(value = "Give or take the admin right (manage entities, act as another). Audited.",
        impact = MBeanOperationInfo.ACTION)
    String admin(@Param(name = "id", description = "the entity's id") String id,
        @Param(name = "admin", description = "true or false") boolean admin);

    /**
     * @param id the entity.
     * @return {@code deleted ID}.
     */
    @Description(value = "Delete an entity; its open sessions lose every right at their next check. Audited.",
        impact = MBeanOperationInfo.ACTION)
    String delete(@Param(name = "id", description = "the entity's id") String id);
}
