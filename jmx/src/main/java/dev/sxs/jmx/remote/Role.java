package dev.sxs.jmx.remote;

import java.util.Locale;

/**
 * What an authenticated remote JMX user may do, as named in the access file.
 */
public enum Role
{
    /** Read attributes, query names and info, and invoke the read operations of {@link OperationPolicy}. */
    READONLY,
    /** Everything a read-only user may do, plus setting attributes and invoking any operation. */
    READWRITE;

    /** @return the name used in the access file: {@code readonly} or {@code readwrite}. */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label {@code readonly} or {@code readwrite}, in any case.
     * @return the role, or null when the label names none.
     */
    public static Role byLabel(final String label)
    {
        for (final Role role : values())
        {
            if (role.label().equalsIgnoreCase(label))
            {
                return role;
            }
        }
        return null;
    }
}
