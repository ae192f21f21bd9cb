package dev.sxs.journal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import dev.sxs.events.Channel;

/**
 * The options of {@code sxs replay}, validated. Immutable. Build it from the raw option texts with
 * {@link #of} (what a picocli command passes on) or from an argument list with {@link #parse}; both throw
 * {@link ReplayUsageException} with a precise message for bad usage.
 *
 * @param dir      the journal folder.
 * @param request  the replay range, filters and pace.
 * @param progress whether progress lines go to the error stream.
 * @param type     the only record type to print, or null for all.
 */
public record ReplayOptions(Path dir, ReplayRequest request, boolean progress, RecordType type)
{
    /** The usage line. */
    public static final String USAGE = "usage: sxs replay DIR [--from INDEX | --since TIME] [--to INDEX | --until TIME]"
        + " [--channel C] [--topic T] [--type event|script|audit] [--pace instant|original] [--speed N]"
        + " [--progress]\n"
        + "  INDEX: a record index as printed by replay; TIME: an ISO-8601 instant (2026-11-26T20:00:00Z),"
        + " a date-time in UTC (2026-11-26T20:00), a date (2026-11-26) or epoch milliseconds;"
        + " C: exec or A..F; T: 0..65535; N: how many times faster than recorded (implies --pace original)";

    /**
     * Validate raw option texts; null means the option was not given.
     *
     * @param dir      journal folder (required).
     * @param from     {@code --from INDEX}.
     * @param since    {@code --since TIME}.
     * @param to       {@code --to INDEX}.
     * @param until    {@code --until TIME}.
     * @param channel  {@code --channel C}.
     * @param topic    {@code --topic T}.
     * @param pace     {@code --pace instant|original}.
     * @param progress {@code --progress}.
     * @param type     {@code --type event|script|audit}.
     * @param speed    {@code --speed N}: a positive number, implies the original pace.
     * @return the options.
     * @throws ReplayUsageException naming the bad option and value.
     */
    public static ReplayOptions of(final String dir, final String from, final String since, final String to,
        final String until, final String channel, final String topic, final String pace, final boolean progress,
        final String type, final String speed)
    {
        final RecordType only = type == null ? null : RecordType.parse(type);
        if (type != null && only == null)
        {
            throw new ReplayUsageException("replay: bad --type '" + type + "' (expected event, script or audit)");
        }
        if (dir == null || dir.isBlank())
        {
            throw new ReplayUsageException("replay: missing journal folder DIR");
        }
        if (from != null && since != null)
        {
            throw new ReplayUsageException("replay: --from and --since exclude each other");
        }
        if (to != null && until != null)
        {
            throw new ReplayUsageException("replay: --to and --until exclude each other");
        }
        ReplayRequest request = ReplayRequest.ALL;
        if (from != null)
        {
            request = request.withFromIndex(index("--from", from));
        }
        if (since != null)
        {
            request = request.withSince(time("--since", since));
        }
        if (to != null)
        {
            request = request.withToIndex(index("--to", to));
        }
        if (until != null)
        {
            request = request.withUntil(time("--until", until));
        }
        if (channel != null)
        {
            final Channel c = Channel.byName(channel.trim());
            if (c == null)
            {
                throw new ReplayUsageException("replay: bad --channel '" + channel + "' (expected exec or A..F)");
            }
            request = request.withChannel(c);
        }
        if (topic != null)
        {
            request = request.withTopic(topic(topic));
        }
        if (pace != null)
        {
            request = request.withPace(pace(pace));
        }
        if (speed != null)
        {
            if (request.pace() == ReplayRequest.Pace.INSTANT && pace != null)
            {
                throw new ReplayUsageException("replay: --speed applies to --pace original, not instant");
            }
            request = request.withSpeed(speed(speed));
        }
        final Path folder;
        try
        {
            folder = Path.of(dir);
        }
        catch (final RuntimeException ex)
        {
            throw new ReplayUsageException("replay: bad journal folder '" + dir + "': " + ex.getMessage());
        }
        return new ReplayOptions(folder, request, progress, only);
    }

    /**
     * Parse an argument list ({@code DIR} and options in any order, {@code --opt value} or
     * {@code --opt=value}).
     *
     * @param args the arguments after {@code replay}.
     * @return the options.
     * @throws ReplayUsageException naming what is wrong.
     */
    public static ReplayOptions parse(final List<String> args)
    {
        String dir = null;
        final String[] values = new String[9];
        final List<String> names = List.of("--from", "--since", "--to", "--until", "--channel", "--topic", "--pace",
            "--type", "--speed");
        boolean progress = false;
        for (int i = 0; i < args.size(); i++)
        {
            final String arg = args.get(i);
            if (arg.equals("--progress"))
            {
                progress = true;
                continue;
            }
            if (arg.startsWith("--"))
            {
                final int eq = arg.indexOf('=');
                final String name = eq < 0 ? arg : arg.substring(0, eq);
                final int slot = names.indexOf(name);
                if (slot < 0)
                {
                    throw new ReplayUsageException("replay: unknown option '" + name + "'");
                }
                final String value;
                if (eq >= 0)
                {
                    value = arg.substring(eq + 1);
                }
                else if (i + 1 < args.size())
                {
                    value = args.get(++i);
                }
                else
                {
                    throw new ReplayUsageException("replay: option " + name + " needs a value");
                }
                if (values[slot] != null)
                {
                    throw new ReplayUsageException("replay: option " + name + " given twice");
                }
                values[slot] = value;
                continue;
            }
            if (dir != null)
            {
                throw new ReplayUsageException("replay: one journal folder expected, got '" + dir + "' and '" + arg
                    + "'");
            }
            dir = arg;
        }
        return of(dir, values[0], values[1], values[2], values[3], values[4], values[5], values[6], progress,
            values[7], values[8]);
    }

    /**
     * @param option the option name, for the message.
     * @param text   a time: ISO-8601 instant or offset date-time, a local date-time or date (UTC), or epoch millis.
     * @return the instant.
     * @throws ReplayUsageException when the text is none of these.
     */
    public static Instant time(final String option, final String text)
    {
        final String t = text.trim();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit))
        {
            try
            {
                return Instant.ofEpochMilli(Long.parseLong(t));
            }
            catch (final NumberFormatException ex)
            {
                throw new ReplayUsageException("replay: bad " + option + " '" + text
                    + "' (epoch milliseconds out of range)");
            }
        }
        try
        {
            return Instant.parse(t);
        }
        catch (final DateTimeParseException ignored)
        {
            // try the next form
        }
        try
        {
            return OffsetDateTime.parse(t).toInstant();
        }
        catch (final DateTimeParseException ignored)
        {
            // try the next form
        }
        try
        {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        }
        catch (final DateTimeParseException ignored)
        {
            // try the next form
        }
        try
        {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        catch (final DateTimeParseException ex)
        {
            throw new ReplayUsageException("replay: bad " + option + " '" + text
                + "' (expected an ISO-8601 time such as 2026-11-26T20:00:00Z, or epoch milliseconds)");
        }
    }

    private static long index(final String option, final String text)
    {
        final String t = text.trim().toLowerCase(Locale.ROOT);
        try
        {
            final long index = t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
            if (index < 0)
            {
                throw new NumberFormatException();
            }
            return index;
        }
        catch (final NumberFormatException ex)
        {
            throw new ReplayUsageException("replay: bad " + option + " '" + text
                + "' (expected a record index: a non-negative integer, decimal or 0x hex)");
        }
    }

    private static int topic(final String text)
    {
        try
        {
            final long topic = Long.parseLong(text.trim());
            if (Channel.isValidTopic(topic))
            {
                return (int)topic;
            }
        }
        catch (final NumberFormatException ex)
        {
            // reported below
        }
        throw new ReplayUsageException("replay: bad --topic '" + text + "' (expected an integer from 0 to 65535)");
    }

    private static double speed(final String text)
    {
        try
        {
            final double times = Double.parseDouble(text.trim());
            if (times > 0 && !Double.isInfinite(times))
            {
                return times;
            }
        }
        catch (final NumberFormatException ex)
        {
            // reported below
        }
        throw new ReplayUsageException("replay: bad --speed '" + text
            + "' (expected a positive number: 60 replays an hour in a minute, 0.5 at half speed)");
    }

    private static ReplayRequest.Pace pace(final String text)
    {
        return switch (text.trim().toLowerCase(Locale.ROOT))
        {
            case "instant" -> ReplayRequest.Pace.INSTANT;
            case "original" -> ReplayRequest.Pace.ORIGINAL;
            default -> throw new ReplayUsageException("replay: bad --pace '" + text
                + "' (expected instant or original)");
        };
    }
}
