package dev.sxs.entity;

/**
 * What an entity may be granted: {@code R}ead and {@code W}rite a scope, {@code P}ublish and {@code S}ubscribe
 * (also await) on a channel's topics. Each carries its letter and the verb of its denial message.
 */
public enum Permission
{
    /** Read keys of a scope: {@code get}, {@code exists}, {@code iterate}, calling stored functions. */
    READ('R', "read"),
    /** Write keys of a scope: {@code set}, {@code del}, defining stored functions. */
    WRITE('W', "write"),
    /** Publish on a channel's topic. */
    PUBLISH('P', "publish on"),
    /** Subscribe to (or await) a channel's topic; checked again at each delivery. */
    SUBSCRIBE('S', "subscribe to");

    private final char letter;
    private final String verb;

    Permission(final char letter, final String verb)
    {
        this.letter = letter;
        this.verb = verb;
    }

    /** @return the letter in grants: R, W, P or S. */
    public char letter()
    {
        return letter;
    }

    /** @return the verb of the denial message, e.g. {@code write} in "may not write scope 'x'". */
    public String verb()
    {
        return verb;
    }
}
