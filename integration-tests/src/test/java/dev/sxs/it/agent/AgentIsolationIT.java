package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A host with its own, older copies of Byte Buddy, Dropwizard Metrics and Chronicle on its class path
 * keeps using them while sxs runs its newer copies in its own class loader. On JDK 17 and Temurin 25.
 */
class AgentIsolationIT
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldLetTheHostKeepItsOwnLibraryVersions(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final Path libs = Path.of(System.getProperty("sxs.it.hostLibs"));
        final List<Path> jars;
        try (Stream<Path> files = Files.list(libs))
        {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        assertEquals(3, jars.size(), "host libraries copied by the build: " + jars);
        final String expected = name(jars, "byte-buddy") + "," + name(jars, "metrics-core") + ","
            + name(jars, "chronicle-core");
        try (HostJvm host = HostJvm.start(jdk, dir, "-javaagent:" + SxsCommand.agentJar() + "=data="
            + dir.resolve("data"), List.of(), jars))
        {
            assertEquals("running", host.awaitStarted(), host.stderr());
            assertEquals(expected, host.ask("libs"), "the host runs its own copies");
            final SxsCommand eval = SxsCommand.run(jdk, "eval", Long.toString(host.pid()),
                "(core/kv/set k 1) (core/kv/get k)");
            assertEquals(List.of("true", "1"), eval.lines(), eval.err() + host.stderr());
            assertEquals(expected, host.ask("libs"), "still its own copies after sxs did work");
            assertEquals("dev.sxs.bootstrap.SxsClassLoader", host.ask("visible"));
        }
    }

    private static String name(final List<Path> jars, final String prefix)
    {
        return jars.stream().map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).findFirst()
            .orElseThrow();
    }
}
