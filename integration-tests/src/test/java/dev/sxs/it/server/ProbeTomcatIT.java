package dev.sxs.it.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.sxs.it.ForkedJvm;
import dev.sxs.it.agent.Jdk;
import dev.sxs.it.agent.SxsCommand;
import dev.sxs.it.server.webapp.PageServlet;

/**
 * A probe in a real Apache Tomcat, on JDK 17 and Temurin 25 (one server start each): started with
 * {@code -javaagent} and a {@code probes=} file that probes the test webapp's {@link PageServlet#page} (a class
 * of the webapp's class loader, loaded after the probe was declared), a handler of the boot script counts
 * requests per URI in the store; N requests for two URIs give exact counts. The journal Tomcat's sxs wrote is
 * then re-published into a fresh runtime in another JVM ({@link ProbeReplayMain}) running the same handler,
 * and the counts come out the same.
 */
class ProbeTomcatIT
{
    private static final String APP = "app";
    private static final String HANDLER = "(core/event/sub A 1 {(core/kv/incr (core/str/concat \"hits:\""
        + " (core/list/nth (core/list/nth $data 2) 0)))})";
    private static final int A_REQUESTS = 5;
    private static final int B_REQUESTS = 3;
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldCountRequestsPerUriFromAProbedServletAndGetTheSameCountsFromItsJournal(final Jdk jdk)
        throws Exception
    {
        jdk.assumePresent();
        final Tomcat tomcat = Tomcat.create(dir.resolve("base"), false);
        Webapp.deploy(tomcat.webapps(), APP);
        final Path boot = Files.writeString(dir.resolve("boot.sxs"), HANDLER + "\n");
        final Path probes = Files.writeString(dir.resolve("probes.sxs"),
            "(core/probe/on " + PageServlet.class.getName() + " page A 1)\n");
        final Path data = dir.resolve("data");
        final String a = "/" + APP + Webapp.PAGE_PATH + "a";
        final String b = "/" + APP + Webapp.PAGE_PATH + "b";
        try (ServerProcess server = tomcat.start(jdk, List.of("-javaagent:" + SxsCommand.agentJar() + "=data=" + data
            + ",boot=" + boot + ",probes=" + probes)))
        {
            server.awaitLine(Tomcat.STARTED, 0, ServerProcess.START_TIMEOUT);
            Jcmd.awaitSxsRunning(jdk, server.pid(), ServerProcess.START_TIMEOUT);
            for (int i = 0; i < A_REQUESTS; i++)
            {
                assertEquals(new Http.Response(200, "page " + a), Http.get(tomcat.port(), a));
            }
            for (int i = 0; i < B_REQUESTS; i++)
            {
                assertEquals(new Http.Response(200, "page " + b), Http.get(tomcat.port(), b));
            }
            final String pid = Long.toString(server.pid());
            final String counts = "(core/kv/get \"hits:" + a + "\") (core/kv/get \"hits:" + b + "\")";
            assertEquals(List.of(Integer.toString(A_REQUESTS), Integer.toString(B_REQUESTS)),
                awaitLines(jdk, pid, counts, List.of(Integer.toString(A_REQUESTS), Integer.toString(B_REQUESTS))),
                server.log().toString());
            final SxsCommand listed = SxsCommand.run(jdk, "probe", pid, "list");
            final int requests = A_REQUESTS + B_REQUESTS;
            assertTrue(listed.out().startsWith(PageServlet.class.getName() + " page A 1 methods=1 hits=" + requests
                + " published=" + requests + " "), listed.out() + listed.err());
            server.stop();
        }

        final List<String> replayed = replay(jdk, data.resolve("journal"), a, b);
        assertEquals(List.of("replayed " + (A_REQUESTS + B_REQUESTS), "hits:" + a + " " + A_REQUESTS,
            "hits:" + b + " " + B_REQUESTS, "done"), replayed,
            "the journal re-published into a fresh runtime with the same handler gives the same counts");
    }

    private List<String> replay(final Jdk jdk, final Path journal, final String a, final String b) throws Exception
    {
        final Path stderr = dir.resolve("replay.err");
        final List<String> lines = new ArrayList<>();
        try (ForkedJvm fresh = ForkedJvm.start(jdk.java(), ProbeReplayMain.class, stderr, journal.toString(),
            dir.resolve("fresh").toString(), HANDLER, "hits:" + a, "hits:" + b))
        {
            String line = fresh.readLine();
            while (line != null && !line.equals("done"))
            {
                lines.add(line);
                line = fresh.readLine();
            }
            assertEquals("done", line, "the replay ended: " + lines + "\n" + Files.readString(stderr));
            lines.add(line);
        }
        return lines;
    }

    /** The handler runs on a dispatch thread after the request returned: ask until it has. */
    private static List<String> awaitLines(final Jdk jdk, final String pid, final String script,
        final List<String> expected) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        List<String> got = SxsCommand.run(jdk, "eval", pid, script).lines();
        while (!got.equals(expected) && System.nanoTime() < deadline)
        {
            TimeUnit.MILLISECONDS.sleep(200); // polling another process's store
            got = SxsCommand.run(jdk, "eval", pid, script).lines();
        }
        return got;
    }
}
