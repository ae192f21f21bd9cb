package dev.sxs.it.agent;

/**
 * A host class the probe tests load twice, by two class loaders of {@link TwinLoaders} (never by the host's own
 * loader), so one class name stands for two classes. It knows nothing of sxs.
 */
public final class TwinTarget
{
    private TwinTarget()
    {
    }

    /**
     * @param what any text.
     * @return {@code WHAT@LOADER}, LOADER the name of the class loader of this copy of the class.
     */
    public static String echo(final String what)
    {
        return what + "@" + TwinTarget.class.getClassLoader().getName();
    }
}
