package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Probes on a host that knows nothing of sxs ({@link ProbeTarget}), on JDK 17 and Temurin 25: declared in a
 * {@code probes=} file and inline ({@code probe=CLASS#METHOD@CHANNEL:TOPIC OPTIONS}) at {@code -javaagent} start,
 * and from a script after a later attach. Each call gives one event with its arguments and result, a throwing call
 * an error value while the host still gets its exception, {@code probe/off} stops the events, {@code stop} gives
 * the class its original code back (a test agent,
 * {@link BytesAgent}, reads the bytes the JVM runs; {@link ClassCode} compares their methods with the class file),
 * JDK and sxs classes are refused, 8 host threads at full speed are held by the cap, and one class name loaded by
 * two class loaders ({@link TwinLoaders}) is probed, and restored by {@code off}, in both.
 */
class ProbeIT
{
    private static final String TARGET = ProbeTarget.class.getName();
    private static final long WAIT_SECONDS = 30;
    private static final String BRIDGE_CALL = "dev/sxs/bridge/ProbeBridge.enter";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldPublishEachCallFromAProbesFileAndAnInlineProbeAndRestoreTheBytesAtStop(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final Path boot = Files.writeString(dir.resolve("boot.sxs"),
            "(core/event/sub A 1 {(core/kv/set last $data) (core/kv/incr calls)})\n"
            + "(core/event/sub A 2 {(core/kv/incr calls) (core/util/log $data)})\n");
        final Path probes = Files.writeString(dir.resolve("probes.sxs"), "(core/probe/on " + TARGET + " place A 1)\n");
        // the second probe inline in the agent arguments, after the file's (a blank before its options)
        final String agent = "-javaagent:" + SxsCommand.agentJar() + "=data=" + dir.resolve("data") + ",boot=" + boot
            + ",probes=" + probes + ",events.workers=1,probe=" + TARGET + "#fail@A:2 tostring=true";
        try (HostJvm host = HostJvm.start(jdk, dir, agent, bytesAgent(), List.of()))
        {
            assertEquals("running", host.awaitStarted(), host.stderr());
            assertEquals("6", host.ask("target place book 3"));
            awaitEval(host, "(core/kv/get calls)", "1");
            assertTrue(host.ask("eval (core/kv/get last)").matches(
                "\\[\"" + TARGET.replace(".", "\\.") + "\" \"place\" \\[\"book\" 3\\] 6 [0-9]+ \"main\"\\]"),
                host.ask("eval (core/kv/get last)"));

            assertEquals("threw no-stock", host.ask("target fail no-stock"));
            awaitEval(host, "(core/kv/get calls)", "2");
            // an error value cannot be stored; the handler of topic 2 logs the payload
            assertTrue(host.stderr().contains("[sxs] [\"" + TARGET + "\" \"fail\" [\"no-stock\"] "
                + "@\"java.lang.IllegalStateException: no-stock\" "), host.stderr());
            assertTrue(host.ask("eval (core/probe/list)").startsWith("[[\"" + TARGET + "\" \"place\" A 1 1 1 1 0 0 "),
                host.ask("eval (core/probe/list)"));
            assertTrue(runningCode(host).contains(BRIDGE_CALL), "the probed class calls the bridge");

            assertEquals("1", host.ask("eval (core/probe/off " + TARGET + " place)"));
            assertEquals("6", host.ask("target place book 3"));
            assertEquals("threw again", host.ask("target fail again"));
            awaitEval(host, "(core/kv/get calls)", "3");
            assertTrue(host.ask("eval (core/kv/get last)").contains("[\"book\" 3] 6 "),
                "no event from place after off");
            assertTrue(host.stderr().contains("@\"java.lang.IllegalStateException: again\""), host.stderr());

            assertEquals("stopped", host.ask("stop"));
            assertEquals(fileCode(), runningCode(host), "after stop the class runs its original code");
            assertEquals("threw still", host.ask("target fail still"));
            assertEquals("", host.ask("threads"));
        }
    }

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldProbeAfterAttachRefuseJdkAndSxsAndHoldHotThreadsAtTheCap(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        try (HostJvm host = HostJvm.start(jdk, dir, null, bytesAgent(), List.of()))
        {
            assertEquals("2", host.ask("target place a 1"));
            assertEquals(fileCode(), runningCode(host), "the class as the JVM gives it back, untouched");
            final String pid = Long.toString(host.pid());
            final SxsCommand attach = SxsCommand.run(jdk, "attach", pid, "data=" + dir.resolve("data")
                + ",events.workers=1");
            assertEquals(0, attach.exitCode(), attach.err() + host.stderr());

            assertEquals("true", host.ask("eval (core/event/sub A 1 {(core/kv/incr calls)})"));
            assertEquals("1", host.ask("eval (core/probe/on " + TARGET + " place A 1)"));
            assertEquals("@\"core/probe/on: refused: java.lang.String is JDK code sxs runs itself (a probe there "
                + "would recurse)\"", host.ask("eval (core/probe/on java.lang.String length A 1)"));
            assertEquals("@\"core/probe/on: refused: dev.sxs.agent.SxsAgent is sxs's own code (a probe there would "
                + "recurse)\"", host.ask("eval (core/probe/on dev.sxs.agent.SxsAgent stop A 1)"));
            assertEquals("@\"core/probe/on: refused: org.agrona.concurrent.AgentRunner is loaded by the JDK or by sxs "
                + "itself, not by the application (a probe there would recurse)\"",
                host.ask("eval (core/probe/on org.agrona.concurrent.AgentRunner run A 1)"));
            for (int i = 1; i <= 5; i++)
            {
                assertEquals(Integer.toString(2 * i), host.ask("target place a " + i));
            }
            awaitEval(host, "(core/kv/get calls)", "5");
            assertTrue(runningCode(host).contains(BRIDGE_CALL), "the probed class calls the bridge");

            assertEquals("1|1", host.ask("eval (core/probe/off " + TARGET + " place) (core/probe/on " + TARGET
                + " place A 1 \"cap=1000\")"));
            final SxsCommand listed0 = SxsCommand.run(jdk, "probe", pid, "list");
            assertEquals(0, listed0.exitCode(), listed0.err());
            assertTrue(listed0.out().startsWith(TARGET + " place A 1 methods=1 hits=0 "), listed0.out());
            final SxsCommand refused = SxsCommand.run(jdk, "probe", pid, "on", "java.util.HashMap", "put", "A", "1");
            assertEquals(1, refused.exitCode());
            assertTrue(refused.out().contains("refused: java.util.HashMap is JDK code"), refused.out());
            final long calls = Long.parseLong(host.ask("target spin 8 2000"));
            assertTrue(calls > 0, "the host kept running");
            // a published call is counted once the probe's drain has made its event, a moment after the call
            awaitEval(host, "(core/list/nth (core/list/nth (core/probe/list) 0) 5)", Long.toString(calls));
            final String[] listed = host.ask("eval (core/probe/list)").replaceAll("[\\[\\]\"]", "").split(" ");
            final long hits = Long.parseLong(listed[5]);
            final long published = Long.parseLong(listed[6]);
            final long capped = Long.parseLong(listed[8]);
            assertEquals(calls, hits, "every call was counted");
            // 2 s at 1000 a second: at most 3 windows of a second are touched
            assertTrue(published <= 3_000, "the cap held: " + published + " published of " + calls);
            assertTrue(calls <= 3_000 || capped > 0, "calls over the cap were held back: " + capped);
            assertEquals(hits, published + capped + Long.parseLong(listed[7]),
                "each call published, capped or dropped");

            assertEquals("stopped", host.ask("stop"));
            assertEquals(fileCode(), runningCode(host), "after stop the class runs its original code");
            assertEquals("4", host.ask("target place a 2"));
        }
    }

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldProbeOneClassNameInTwoClassLoadersAndRestoreBoth(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final String agent = "-javaagent:" + SxsCommand.agentJar() + "=data=" + dir.resolve("data")
            + ",events.workers=1";
        try (HostJvm host = HostJvm.start(jdk, dir, agent, bytesAgent(), List.of()))
        {
            assertEquals("running", host.awaitStarted(), host.stderr());
            assertEquals("2", host.ask("twins load"));
            assertEquals("plain,plain", twinCode(host));
            // the key names the copy that ran: echo's result is WHAT@LOADER
            assertEquals("true", host.ask("eval (core/event/sub A 3 {(core/kv/incr (core/str/concat \"twin:\""
                + " (core/list/nth $data 3)))})"));
            assertEquals("2", host.ask("eval (core/probe/on " + TwinLoaders.TWIN + " echo A 3)"),
                "one method in each of the two classes");
            assertEquals("sxs,sxs", twinCode(host));
            assertEquals("x@twin-1,x@twin-2", host.ask("twins call x"));
            awaitEval(host, "(core/kv/get \"twin:x@twin-1\") (core/kv/get \"twin:x@twin-2\")", "1|1");

            assertEquals("1", host.ask("eval (core/probe/off " + TwinLoaders.TWIN + " echo)"));
            assertEquals("plain,plain", twinCode(host), "off restores both classes");
            assertEquals("y@twin-1,y@twin-2", host.ask("twins call y"));
            // a marker event behind any the probe could still have queued: once it is counted, they would be too
            assertEquals("true", host.ask("eval (core/event/pub A 3 (core/list/new \"c\" \"m\" (core/list/new)"
                + " \"marker\" 0 \"t\"))"));
            awaitEval(host, "(core/kv/get \"twin:marker\")", "1");
            assertEquals("[]", host.ask("eval (core/probe/list)"));
            assertEquals("@\"key not found: twin:y@twin-1\"|@\"key not found: twin:y@twin-2\"",
                host.ask("eval (core/kv/get \"twin:y@twin-1\") (core/kv/get \"twin:y@twin-2\")"), "no event after off");
        }
    }

    /**
     * @return for each copy of {@link TwinTarget}, whether the methods the JVM runs now call the bridge: {@code sxs}
     *         or {@code plain}, comma-separated (the method code, not the constant pool, which Temurin 25 keeps).
     */
    private String twinCode(final HostJvm host) throws Exception
    {
        final int copies = Integer.parseInt(host.ask("twins bytes"));
        final StringBuilder kinds = new StringBuilder();
        for (int i = 0; i < copies; i++)
        {
            final Path file = i == 0 ? captured() : captured().resolveSibling(captured().getFileName() + "." + i);
            kinds.append(i == 0 ? "" : ",").append(ClassCode.of(Files.readAllBytes(file)).contains(BRIDGE_CALL)
                ? "sxs" : "plain");
        }
        return kinds.toString();
    }

    /** Ask until the host's store gives the expected value (polling the host's state, not synchronising). */
    private static void awaitEval(final HostJvm host, final String script, final String expected) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        String got = host.ask("eval " + script);
        while (!got.equals(expected) && System.nanoTime() < deadline)
        {
            TimeUnit.MILLISECONDS.sleep(50);
            got = host.ask("eval " + script);
        }
        assertEquals(expected, got, script + "\n" + host.stderr());
    }

    private List<String> bytesAgent() throws Exception
    {
        return BytesAgent.hostFlags(dir.resolve("bytes-agent.jar"), captured());
    }

    private Path captured()
    {
        return dir.resolve("captured.class");
    }

    /**
     * Ask the host for the target's bytes as the JVM runs them now.
     *
     * @return the code of its methods.
     */
    private String runningCode(final HostJvm host) throws Exception
    {
        host.ask("target bytes");
        return ClassCode.of(Files.readAllBytes(captured()));
    }

    /** @return the code of the target's methods as compiled. */
    private static String fileCode() throws Exception
    {
        return ClassCode.of(Files.readAllBytes(Path.of(HostJvm.probeClassPath()).resolve(TARGET.replace('.', '/')
            + ".class")));
    }
}
