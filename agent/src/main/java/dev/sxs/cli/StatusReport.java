package dev.sxs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.sxs.events.Channel;
import dev.sxs.jmx.SxsManagement;

/**
 * What {@code sxs status} prints about a running sxs: version, uptime in words, data folder, store entries,
 * journal size and records, then one line of counters per channel (published, delivered, discarded,
 * rejected, handler errors), read from its MBeans.
 * <p>
 * Threading: the CLI's main thread. Failure: {@link CliException} (exit 3) when an MBean cannot be read.
 */
final class StatusReport
{
    /** The channel counters shown, as named by the channel MBean's attributes. */
    static final List<String> COUNTERS = List.of("Published", "Delivered", "Discarded", "Rejected", "HandlerErrors");

    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long KIB = 1024;

    private StatusReport()
    {
    }

    /**
     * @param client a client connected to the running sxs.
     * @param target how the user named it, for the first line.
     * @return the report, lines separated by the platform's line separator.
     */
    static String of(final RuntimeClient client, final String target)
    {
        final List<String> lines = new ArrayList<>();
        final long uptime = ((Number)client.attribute("Uptime")).longValue();
        final String folder = String.valueOf(client.attribute("DataFolder"));
        lines.add("sxs " + client.attribute("Version") + " running in " + target + " for " + uptime(uptime));
        lines.add("data: " + (folder.isEmpty() ? "(memory only)" : folder));
        final long entries = ((Number)client.attribute(SxsManagement.STORE, "Entries")).longValue();
        lines.add("store: " + entries + (entries == 1 ? " entry" : " entries"));
        final String journal = String.valueOf(client.attribute(SxsManagement.JOURNAL, "Folder"));
        lines.add("journal: " + (journal.isEmpty() ? "off" : bytes(((Number)client.attribute(SxsManagement.JOURNAL,
            "SizeOnDisk")).longValue()) + ", " + client.attribute(SxsManagement.JOURNAL, "Records") + " records"));
        final List<long[]> rows = new ArrayList<>();
        for (final Channel channel : Channel.values())
        {
            final long[] row = new long[COUNTERS.size()];
            for (int i = 0; i < row.length; i++)
            {
                row[i] = ((Number)client.attribute(SxsManagement.channel(channel), COUNTERS.get(i))).longValue();
            }
            rows.add(row);
        }
        lines.addAll(channelTable(rows));
        return String.join(System.lineSeparator(), lines);
    }

    /**
     * @param rows one row of {@link #COUNTERS} per channel, in {@link Channel} order.
     * @return a header line and one aligned line per channel.
     */
    static List<String> channelTable(final List<long[]> rows)
    {
        final String format = "%-8s %10s %10s %10s %10s %15s";
        final List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, format, "channel", "published", "delivered", "discarded", "rejected",
            "handler-errors").stripTrailing());
        final Channel[] channels = Channel.values();
        for (int c = 0; c < rows.size(); c++)
        {
            final long[] row = rows.get(c);
            lines.add(String.format(Locale.ROOT, format, channels[c].label(), row[0], row[1], row[2], row[3], row[4]));
        }
        return lines;
    }

    /**
     * @param millis a duration in milliseconds.
     * @return it in words, the two largest units: {@code 37 seconds}, {@code 5 minutes 2 seconds},
     *         {@code 2 hours 5 minutes}, {@code 3 days 4 hours}.
     */
    static String uptime(final long millis)
    {
        final long[] sizes = {DAY, HOUR, MINUTE, SECOND};
        final String[] names = {"day", "hour", "minute", "second"};
        final List<String> parts = new ArrayList<>();
        long rest = Math.max(0, millis);
        for (int i = 0; i < sizes.length && parts.size() < 2; i++)
        {
            final long n = rest / sizes[i];
            rest %= sizes[i];
            if (n > 0 || !parts.isEmpty())
            {
                parts.add(n + " " + names[i] + (n == 1 ? "" : "s"));
            }
        }
        return parts.isEmpty() ? "0 seconds" : String.join(" ", parts);
    }

    /**
     * @param bytes a size.
     * @return it in KiB, MiB or GiB with one decimal, or in bytes below 1 KiB.
     */
    static String bytes(final long bytes)
    {
        if (bytes < KIB)
        {
            return bytes + " bytes";
        }
        final String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / (double)KIB;
        int unit = 0;
        while (value >= KIB && unit < units.length - 1)
        {
            value /= KIB;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
