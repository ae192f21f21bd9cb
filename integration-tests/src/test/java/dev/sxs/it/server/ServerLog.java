package dev.sxs.it.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warnings in a server's console log, normalised so that two starts of the same server compare:
 * the test's folders become {@code <DIR>}, object hashes {@code @#} and every number {@code #}
 * (timestamps, ports, durations, process ids), so only what was warned about and by whom remains.
 * <p>
 * Two kinds: the server's own log records at warning level or above ({@link Format}), and the
 * JVM's warnings on stderr ({@code WARNING: ...} blocks, such as JDK 24+'s restricted-method and
 * {@code sun.misc.Unsafe} warnings, and {@code ... VM warning: ...} lines), one entry per block.
 *
 * @param server the server's warning records.
 * @param jvm    the JVM's warning blocks.
 */
record ServerLog(Set<String> server, Set<String> jvm)
{
    private static final Pattern JVM_WARNING = Pattern.compile("^(WARNING: .*|.*VM warning: .*)$");
    private static final Pattern HASH = Pattern.compile("@[0-9a-f]+");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** A server's log record format and the levels that count as warnings. */
    enum Format
    {
        /** Tomcat's {@code OneLineFormatter}: {@code 27-Nov-2026 19:13:10.097 WARNING [main] logger.method message}. */
        TOMCAT("^\\d{2}-\\w{3}-\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} (\\w+) (.*)$", Set.of("WARNING", "SEVERE")),
        /** Jetty's default logger: {@code 2026-11-27 19:15:00.985:WARN :oejs.Server:main: message}. */
        JETTY("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}:(\\w+)\\s*:(.*)$", Set.of("WARN", "ERROR"));

        private final Pattern record;
        private final Set<String> levels;

        Format(final String record, final Set<String> levels)
        {
            this.record = Pattern.compile(record);
            this.levels = levels;
        }
    }

    /**
     * @param lines    the log's lines (or the part of interest).
     * @param format   the server's record format.
     * @param variable folders that differ between starts (base, data), replaced by {@code <DIR>}.
     * @return its normalised warnings.
     */
    static ServerLog of(final List<String> lines, final Format format, final List<Path> variable)
    {
        final Set<String> server = new TreeSet<>();
        final Set<String> jvm = new TreeSet<>();
        final List<String> block = new ArrayList<>();
        for (final String line : lines)
        {
            final Matcher record = format.record.matcher(line);
            if (record.matches() && format.levels.contains(record.group(1)))
            {
                server.add(normalise(record.group(1) + " " + record.group(2), variable));
            }
            if (JVM_WARNING.matcher(line).matches())
            {
                block.add(line);
            }
            else if (!block.isEmpty())
            {
                jvm.add(normalise(String.join(" | ", block), variable));
                block.clear();
            }
        }
        if (!block.isEmpty())
        {
            jvm.add(normalise(String.join(" | ", block), variable));
        }
        return new ServerLog(server, jvm);
    }

    /**
     * @param baseline the same server started without sxs.
     * @return the warnings of this log that the baseline lacks.
     */
    ServerLog minus(final ServerLog baseline)
    {
        final Set<String> addedServer = new TreeSet<>(server);
        addedServer.removeAll(baseline.server);
        final Set<String> addedJvm = new TreeSet<>(jvm);
        addedJvm.removeAll(baseline.jvm);
        return new ServerLog(addedServer, addedJvm);
    }

    private static String normalise(final String text, final List<Path> variable)
    {
        String out = text;
        for (final Path dir : variable)
        {
            out = out.replace(dir.toString(), "<DIR>");
        }
        out = HASH.matcher(out).replaceAll("@#");
        return NUMBER.matcher(out).replaceAll("#");
    }
}
