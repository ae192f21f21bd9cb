package dev.sxs.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The definition of one configuration setting: its key, its default, how its text is parsed and
 * checked, how its value is written back as text, and a one-line description. {@link Settings} holds
 * every definition; {@link Config} is built from them. Immutable and thread-safe.
 *
 * @param <T> the type of the parsed value.
 */
public final class Setting<T>
{
    private final String key;
    private final String defaultText;
    private final Function<String, T> parser;
    private final Function<T, String> printer;
    private final String description;

    private Setting(final String key, final T defaultValue, final Function<String, T> parser,
        final Function<T, String> printer, final String description)
    {
        this.key = Objects.requireNonNull(key, "key");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.printer = Objects.requireNonNull(printer, "printer");
        this.description = Objects.requireNonNull(description, "description");
        this.defaultText = printer.apply(defaultValue);
    }

    /**
     * @param key         the key.
     * @param defaultText the default, "" for none.
     * @param description one line.
     * @return a text setting kept as given (trimmed).
     */
    public static Setting<String> text(final String key, final String defaultText, final String description)
    {
        return new Setting<>(key, defaultText, text -> text, text -> text, description);
    }

    /**
     * @param key         the key.
     * @param defaultText the default.
     * @param description one line.
     * @return a text setting that must not be empty.
     */
    public static Setting<String> nonEmpty(final String key, final String defaultText, final String description)
    {
        return new Setting<>(key, defaultText, text -> require(text, !text.isEmpty(), "a non-empty value"),
            text -> text, description);
    }

    /**
     * @param key         the key.
     * @param description one line.
     * @return a file system path setting; empty (the default) gives null.
     */
    public static Setting<Path> path(final String key, final String description)
    {
        return new Setting<>(key, null, Setting::parsePath, path -> path == null ? "" : path.toString(), description);
    }

    /**
     * @param key          the key.
     * @param defaultValue the default.
     * @param description  one line.
     * @return a boolean setting: {@code true} or {@code false} in any case.
     */
    public static Setting<Boolean> bool(final String key, final boolean defaultValue, final String description)
    {
        return new Setting<>(key, defaultValue, Setting::parseBoolean, String::valueOf, description);
    }

    /**
     * @param key          the key.
     * @param defaultValue the default.
     * @param min          the least value accepted.
     * @param max          the greatest value accepted.
     * @param description  one line.
     * @return a whole number setting; {@code _} may separate digits.
     */
    public static Setting<Long> longIn(final String key, final long defaultValue, final long min, final long max,
        final String description)
    {
        return new Setting<>(key, defaultValue, text -> parseLong(text, min, max), String::valueOf, description);
    }

    /**
     * @param key          the key.
     * @param defaultValue the default.
     * @param min          the least value accepted.
     * @param max          the greatest value accepted.
     * @param description  one line.
     * @return a whole number setting of int range; {@code _} may separate digits.
     */
    public static Setting<Integer> intIn(final String key, final int defaultValue, final int min, final int max,
        final String description)
    {
        return new Setting<>(key, defaultValue, text -> (int)parseLong(text, min, max), String::valueOf, description);
    }

    /**
     * @param key          the key.
     * @param defaultValue the default.
     * @param choices      every value accepted, in the order the error message lists them.
     * @param name         the text of a value; the setting accepts it in any case.
     * @param description  one line.
     * @param <E>          the type of the values.
     * @return a setting choosing one of a fixed set of values.
     */
    public static <E> Setting<E> oneOf(final String key, final E defaultValue, final List<E> choices,
        final Function<E, String> name, final String description)
    {
        final String expected = "one of " + String.join(", ", choices.stream().map(name).toList());
        return new Setting<>(key, defaultValue, text -> choose(text, choices, name, expected), name, description);
    }

    /**
     * @param key          the key.
     * @param defaultValue the default.
     * @param parser       text (trimmed) to value; throws {@link IllegalArgumentException} whose message says
     *                     what was expected.
     * @param printer      value to the text {@code parser} reads back.
     * @param description  one line.
     * @param <T>          the type of the value.
     * @return a setting with its own parser.
     */
    public static <T> Setting<T> of(final String key, final T defaultValue, final Function<String, T> parser,
        final Function<T, String> printer, final String description)
    {
        return new Setting<>(key, defaultValue, parser, printer, description);
    }

    /** @return the key, e.g. {@code kv.entries}. */
    public String key()
    {
        return key;
    }

    /** @return the default as text, "" for none. */
    public String defaultText()
    {
        return defaultText;
    }

    /** @return what the setting means, one line. */
    public String description()
    {
        return description;
    }

    /**
     * @param given the text given for this setting, or null when it was not given.
     * @return the value of the text (surrounding blanks ignored), or of the default when none was given.
     * @throws ConfigException {@code bad value for 'KEY': 'TEXT' (expected ...)}.
     */
    public T parse(final String given)
    {
        final String text = given == null ? defaultText : given.trim();
        try
        {
            return parser.apply(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException("bad value for '" + key + "': '" + text + "' (expected " + ex.getMessage() + ")");
        }
    }

    /**
     * @param value a value of this setting.
     * @return its text, which {@link #parse} reads back equal.
     */
    public String print(final T value)
    {
        return printer.apply(value);
    }

    @Override
    public String toString()
    {
        return key + " (default '" + defaultText + "'): " + description;
    }

    private static <E> E choose(final String text, final List<E> choices, final Function<E, String> name,
        final String expected)
    {
        for (final E choice : choices)
        {
            if (name.apply(choice).equalsIgnoreCase(text))
            {
                return choice;
            }
        }
        throw new IllegalArgumentException(expected);
    }

    private static Path parsePath(final String text)
    {
        try
        {
            return text.isEmpty() ? null : Path.of(text);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException("a file system path", ex);
        }
    }

    private static boolean parseBoolean(final String text)
    {
        final String lower = text.toLowerCase(Locale.ROOT);
        return Boolean.parseBoolean(require(lower, lower.equals("true") || lower.equals("false"), "true or false"));
    }

    private static long parseLong(final String text, final long min, final long max)
    {
        final String expected = "an integer from " + min + " to " + max;
        final long parsed;
        try
        {
            parsed = Long.parseLong(text.replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(expected, ex);
        }
        return require(parsed, parsed >= min && parsed <= max, expected);
    }

    private static <T> T require(final T value, final boolean valid, final String expected)
    {
        if (!valid)
        {
            throw new IllegalArgumentException(expected);
        }
        return value;
    }
}
