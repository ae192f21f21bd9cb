package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What sxs leaves behind in its host besides its data folder and its jar cache: no native helper
 * libraries unpacked into the host's temporary or home folders, no lines on the host's stderr (but the
 * JDK's own {@code sun.misc.Unsafe} warning on JDK 24 and newer), and an empty store that takes (almost)
 * no disk. On JDK 17 and Temurin 25.
 *
 * <p>Chronicle reaches two native-call libraries, JNR (through {@code net.openhft:posix}) and JNA
 * (through {@code net.openhft:affinity}); both unpack a native library into the user's folders at
 * their first use, JNR generates call stubs with its own assembler, and Chronicle Map pre-allocates
 * the whole store file with {@code posix_fallocate} through them. sxs needs none of it, so the agent
 * does not carry them.
 */
class AgentFootprintIT
{
    /** Allocated size an empty store may have on disk; its length is 128 MiB at the defaults. */
    private static final long EMPTY_STORE_MAX_ALLOCATED_BYTES = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void shouldNotCarryNativeCallLibraries() throws Exception
    {
        final List<String> nativeCalls = new ArrayList<>();
        try (JarFile jar = new JarFile(SxsCommand.agentJar().toFile()))
        {
            jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("sxs-lib/"))
                .map(n -> n.substring("sxs-lib/".length()))
                // jna-*.jar and jna-platform-*.jar, not jnats-*.jar (the NATS client, pure Java)
                .filter(n -> n.startsWith("jna-") || n.startsWith("jnr") || n.startsWith("jffi"))
                .forEach(nativeCalls::add);
        }
        assertEquals(List.of(), nativeCalls, "native-call libraries nested in the agent jar");
    }

    @Test
    void shouldNotCarryChroniclesAnalytics() throws Exception
    {
        try (JarFile jar = new JarFile(SxsCommand.agentJar().toFile()))
        {
            // without it chronicle-core stays mute, and sxs needs no analytics property in the host
            assertEquals(List.of(), jar.stream().map(e -> e.getName())
                .filter(n -> n.startsWith("sxs-lib/chronicle-analytics")).toList(), "nested in the agent jar");
        }
    }

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldLeaveNoFilesOrLinesInTheHostAndKeepTheEmptyStoreSparse(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final Path home = Files.createDirectories(dir.resolve("home"));
        final Path tmp = Files.createDirectories(dir.resolve("tmp"));
        final Path cache = dir.resolve("cache");
        final Path data = dir.resolve("data");
        try (HostJvm host = HostJvm.start(jdk, dir, "-javaagent:" + SxsCommand.agentJar() + "=data=" + data,
            List.of("-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp, "-Dsxs.cache.dir=" + cache), List.of()))
        {
            assertEquals("running", host.awaitStarted(), host.stderr());
            assertEquals("true", host.ask("eval (core/kv/set k 1)"), host.stderr());

            assertEquals(List.of(), list(home), "files sxs left in the host user's home");
            assertEquals(List.of(), list(tmp), "files sxs left in the host's temporary folder");
            final Path store = data.resolve("store.dat");
            final long allocated = allocatedBytes(store);
            assertTrue(allocated <= EMPTY_STORE_MAX_ALLOCATED_BYTES, "store.dat of length " + Files.size(store)
                + " takes " + allocated + " bytes on disk");
            assertEquals(List.of(), printedBySxs(host.stderr()), "lines on the host's stderr");
        }
    }

    /**
     * The stderr lines but the JDK's own warning about Chronicle's {@code sun.misc.Unsafe} calls (JDK 24 and
     * newer print it once per JVM; docs/agent.md lists it). No native-access warning may remain.
     */
    private static List<String> printedBySxs(final String stderr)
    {
        return stderr.lines().filter(line -> !line.isBlank())
            .filter(line -> !(line.startsWith("WARNING: ") && (line.contains("sun.misc.Unsafe")
                || line.startsWith("WARNING: Please consider reporting this to the maintainers"))))
            .toList();
    }

    private static List<String> list(final Path folder) throws Exception
    {
        try (Stream<Path> files = Files.walk(folder))
        {
            return files.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    /** Blocks the file system allocated for the file (Linux and other POSIX systems: {@code stat}). */
    private static long allocatedBytes(final Path file) throws Exception
    {
        final Process stat = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true)
            .start();
        final String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, stat.waitFor(), out);
        final String[] blocksAndSize = out.split(" ");
        return Long.parseLong(blocksAndSize[0]) * Long.parseLong(blocksAndSize[1]);
    }
}
