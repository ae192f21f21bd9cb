package dev.sxs.runtime;

/**
 * A configuration value is invalid. The message is one line fit for an operator: key, value, expectation.
 */
public final class ConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the key, the value and what was expected.
     */
    public ConfigException(final String message)
    {
        super(message);
    }
}
