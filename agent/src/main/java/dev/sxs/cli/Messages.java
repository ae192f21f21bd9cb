package dev.sxs.cli;

import java.util.regex.Pattern;

/**
 * Turns a failure into the words a user reads: sxs's own message, without the Java class names that
 * exception chains and JMX wrappers put in front of it ({@code java.lang.IllegalStateException: ...}).
 * <p>
 * Threading: any thread; no state.
 */
final class Messages
{
    /** A qualified class name followed by a colon, as {@code Throwable.toString()} begins. */
    private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*:\\s*");

    private Messages()
    {
    }

    /**
     * @param failure a failure, possibly wrapped (JMX, reflection, execution).
     * @return the message of the innermost failure that has one, without class names; the simple class name
     *         in words when none has a message.
     */
    static String of(final Throwable failure)
    {
        String message = null;
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause())
        {
            innermost = t;
            if (t.getMessage() != null && !t.getMessage().isBlank())
            {
                message = t.getMessage();
            }
        }
        if (message == null)
        {
            return describe(innermost);
        }
        return strip(message);
    }

    /**
     * @param message a message that may begin with class names.
     * @return it without them.
     */
    static String strip(final String message)
    {
        String text = message.trim();
        String before;
        do
        {
            before = text;
            text = CLASS_PREFIX.matcher(text).replaceFirst("");
        }
        while (!text.equals(before));
        return text;
    }

    private static String describe(final Throwable t)
    {
        // "NoSuchFileException" -> "no such file exception": still no package, and readable
        final String name = t.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2");
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
