package dev.sxs.jmx;

/** Lets tests of other packages use the description check of {@link SxsManagementTest}. */
public final class SxsManagementTestAccess
{
    private SxsManagementTestAccess()
    {
    }

    /**
     * @param description a description.
     * @param what        what it describes, for the message.
     */
    public static void assertDescribed(final String description, final String what)
    {
        SxsManagementTest.assertDescribed(description, what);
    }
}
