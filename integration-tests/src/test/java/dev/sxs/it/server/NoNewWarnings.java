package dev.sxs.it.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.sxs.it.agent.Jdk;

/**
 * The assertion every server test makes: a server with sxs logs no warning that the same server
 * without sxs lacks.
 */
final class NoNewWarnings
{
    /**
     * The JVM warning that docs/agent.md documents for JDK 24 and newer: Chronicle, inside sxs, calls a
     * memory-access method of {@code sun.misc.Unsafe}, which the JDK reports once per JVM unless the host
     * runs with {@code --sun-misc-unsafe-memory-access=allow}. Accepted only when the caller it names was
     * loaded from sxs's extracted jars. (sxs loads no native code, so no native-access warning is accepted.)
     */
    private static final Pattern DOCUMENTED_FROM_JDK_24 = Pattern.compile(
        "WARNING: A terminally deprecated method in sun\\.misc\\.Unsafe has been called"
            + " \\| .*\\(file:[^)]*/agent-[^/)]+/[^/)]+\\.jar\\).*");

    private NoNewWarnings()
    {
    }

    /**
     * @param jdk      the JDK both ran on.
     * @param baseline warnings of the server started without sxs.
     * @param withSxs  warnings of the server with sxs.
     * @param what     what happened, for the message.
     * @param log      the log with sxs, for the message.
     */
    static void assertNoneAdded(final Jdk jdk, final ServerLog baseline, final ServerLog withSxs, final String what,
        final Path log)
    {
        final ServerLog added = withSxs.minus(baseline);
        assertEquals(Set.of(), added.server(),
            what + ": the server logged warnings that it does not log without sxs (log: " + log + ")");
        final Set<String> jvm = new TreeSet<>(added.jvm());
        if (jdk.feature() >= 24)
        {
            jvm.removeIf(block -> DOCUMENTED_FROM_JDK_24.matcher(block).matches());
        }
        assertEquals(Set.of(), jvm,
            what + ": the JVM printed warnings that it does not print without sxs (log: " + log + ")");
    }
}
