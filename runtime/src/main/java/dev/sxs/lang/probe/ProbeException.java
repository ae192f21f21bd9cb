package dev.sxs.lang.probe;

import java.io.Serial;

/**
 * A probe that cannot be installed, with the precise reason a user sees (no Java class names).
 */
public final class ProbeException extends Exception
{
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param message why, as the user sees it.
     */
    public ProbeException(final String message)
    {
        super(message);
    }
}
