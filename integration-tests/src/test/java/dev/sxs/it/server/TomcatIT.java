package dev.sxs.it.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.sxs.it.agent.Jdk;
import dev.sxs.it.agent.SxsCommand;

/**
 * sxs in a real Apache Tomcat (the distribution from Maven Central, started with {@code catalina.sh run}),
 * on JDK 17 and Temurin 25: loaded with {@code -javaagent} or attached and stopped, it serves, is
 * evaluated through the CLI and from a webapp, and Tomcat logs nothing it would not log without it;
 * the host's {@code java.class.path} stays as it was; a webapp that used sxs is reloaded without
 * Tomcat finding a thread it started or its old class loader left behind.
 */
class TomcatIT
{
    /** The test webapp's name and context path. */
    static final String APP = "app";
    /** How long Tomcat's findleaks may take to see the old webapp class loader collected. */
    static final Duration LEAK_CHECK_TIMEOUT = Duration.ofSeconds(20);
    /** Script: count a hit. */
    static final String INCR_HITS = "(core/kv/incr hits)";
    /** Script: read the hits. */
    static final String GET_HITS = "(core/kv/get hits)";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldServeAndEvaluateWithTheAgentWithoutNewWarningsOrClassPathChange(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final Tomcat plain = Tomcat.create(dir.resolve("plain"), false);
        final Tomcat agent = Tomcat.create(dir.resolve("sxs"), false);
        Webapp.deploy(plain.webapps(), APP);
        Webapp.deploy(agent.webapps(), APP);
        final Path data = dir.resolve("data");
        try (ServerProcess without = plain.start(jdk, List.of());
            ServerProcess with = agent.start(jdk, List.of(agentOption(data))))
        {
            without.awaitLine(Tomcat.STARTED, 0, ServerProcess.START_TIMEOUT);
            with.awaitLine(Tomcat.STARTED, 0, ServerProcess.START_TIMEOUT);
            assertEquals(new Http.Response(200, Webapp.greeting(APP)), Http.get(plain.port(), "/" + APP + "/"));
            assertEquals(new Http.Response(200, Webapp.greeting(APP)), Http.get(agent.port(), "/" + APP + "/"));

            Jcmd.awaitSxsRunning(jdk, with.pid(), ServerProcess.START_TIMEOUT);
            final SxsCommand eval = SxsCommand.run(jdk, "eval", Long.toString(with.pid()),
                "(core/kv/incr hits) (core/kv/incr hits)");
            assertEquals(List.of("1", "2"), eval.lines(), eval.err());
            assertEquals(new Http.Response(200, "2"), Http.get(agent.port(), Http.evalPath("/" + APP, GET_HITS)),
                "the webapp reaches sxs through the platform MBean server");

            assertEquals(classPath(jdk, without), classPath(jdk, with),
                "sxs leaves Tomcat's java.class.path as it is without sxs");
            NoNewWarnings.assertNoneAdded(jdk, warnings(without, plain, data), warnings(with, agent, data),
                "Tomcat started with -javaagent, served and was evaluated", with.log());
        }
    }

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldAttachAndStopInARunningTomcatThenDeployWithoutNewWarnings(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final Tomcat tomcat = Tomcat.create(dir.resolve("base"), false);
        Webapp.deploy(tomcat.webapps(), APP);
        final Path data = dir.resolve("data");
        // as docs/agent.md advises for JVMs one may attach to (JDK 21+ warns about dynamic agents otherwise)
        try (ServerProcess server = tomcat.start(jdk, List.of("-XX:+EnableDynamicAgentLoading",
            "-XX:+IgnoreUnrecognizedVMOptions")))
        {
            server.awaitLine(Tomcat.STARTED, 0, ServerProcess.START_TIMEOUT);
            assertEquals(new Http.Response(200, Webapp.greeting(APP)), Http.get(tomcat.port(), "/" + APP + "/"));
            final String pid = Long.toString(server.pid());
            final String classPath = classPath(jdk, server);
            final ServerLog before = warnings(server, tomcat, data);

            final SxsCommand attach = SxsCommand.run(jdk, "attach", pid, "data=" + data);
            assertEquals(0, attach.exitCode(), attach.err());
            assertEquals(List.of("1"), SxsCommand.run(jdk, "eval", pid, "(core/kv/incr hits)").lines());
            final Path attached = Webapp.deploy(tomcat.webapps(), "attached");
            server.awaitLine(Tomcat.deployed(attached), 0, ServerProcess.START_TIMEOUT);
            assertEquals(new Http.Response(200, Webapp.greeting("attached")), Http.get(tomcat.port(), "/attached/"));
            assertEquals(new Http.Response(200, "1"), Http.get(tomcat.port(), Http.evalPath("/attached", GET_HITS)));
            assertEquals(classPath, classPath(jdk, server), "attach leaves Tomcat's java.class.path alone");

            final SxsCommand stop = SxsCommand.run(jdk, "stop", pid);
            assertEquals(0, stop.exitCode(), stop.err());
            assertEquals("stopped", Jcmd.systemProperties(jdk, server.pid()).getProperty("sxs.status"));
            final Path afterStop = Webapp.deploy(tomcat.webapps(), "stopped");
            server.awaitLine(Tomcat.deployed(afterStop), 0, ServerProcess.START_TIMEOUT);
            assertEquals(new Http.Response(200, Webapp.greeting("stopped")), Http.get(tomcat.port(), "/stopped/"));
            assertEquals(503, Http.get(tomcat.port(), Http.evalPath("/stopped", "1")).status(),
                "sxs is gone after stop");

            assertEquals(classPath, classPath(jdk, server), "stop leaves Tomcat's java.class.path as it was");
            NoNewWarnings.assertNoneAdded(jdk, before, warnings(server, tomcat, data),
                "sxs attached to Tomcat, evaluated, stopped, two webapps deployed", server.log());
        }
    }

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldReloadAWebappThatUsedSxsWithoutAThreadOrClassLoaderLeft(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final Tomcat tomcat = Tomcat.create(dir.resolve("base"), true);
        Webapp.deploy(tomcat.webapps(), APP);
        final Path data = dir.resolve("data");
        try (ServerProcess server = tomcat.start(jdk, List.of(agentOption(data))))
        {
            server.awaitLine(Tomcat.STARTED, 0, ServerProcess.START_TIMEOUT);
            Jcmd.awaitSxsRunning(jdk, server.pid(), ServerProcess.START_TIMEOUT);
            // the first management call in this JVM, made on Tomcat's request thread (its context class
            // loader is the webapp's)
            assertEquals(new Http.Response(200, "1"), Http.get(tomcat.port(), Http.evalPath("/" + APP, INCR_HITS)));

            final int from = server.lines().size();
            final Http.Response reload = manager(tomcat, "reload?path=/" + APP);
            assertTrue(reload.body().startsWith("OK - Reloaded application at context path [/" + APP + "]"),
                reload.toString());
            assertEquals(new Http.Response(200, "2"), Http.get(tomcat.port(), Http.evalPath("/" + APP, INCR_HITS)),
                "the reloaded webapp reaches sxs");
            final List<String> reloading = server.lines().subList(from, server.lines().size());
            final String leaks = awaitNoLeaks(tomcat);
            final long loaders = Jcmd.liveInstances(jdk, server.pid(),
                "org.apache.catalina.loader.ParallelWebappClassLoader");
            assertAll(
                () -> assertEquals(List.of(), reloading.stream()
                    .filter(line -> line.contains("appears to have started a thread")).toList(),
                    "Tomcat found threads that the webapp started (through sxs) still running when it stopped"
                        + " the webapp"),
                () -> assertEquals(Set.of(),
                    ServerLog.of(reloading, ServerLog.Format.TOMCAT, List.of(tomcat.base(), data)).server(),
                    "no warning while reloading"),
                () -> assertEquals("OK - No memory leaks found", leaks,
                    "Tomcat's findleaks after the reload; live webapp class loaders: "
                    + loaders + " (the manager's and the reloaded app's are expected)"));
        }
    }

    /**
     * Tomcat's findleaks runs a full GC, then lists the webapps whose stopped class loaders are still
     * alive; an unreachable loader may need more than one GC to go, so ask until none is listed or
     * the time is up.
     */
    private static String awaitNoLeaks(final Tomcat tomcat) throws Exception
    {
        final long deadline = System.nanoTime() + LEAK_CHECK_TIMEOUT.toNanos();
        String answer = manager(tomcat, "findleaks?statusLine=true").body();
        while (!answer.equals("OK - No memory leaks found") && System.nanoTime() < deadline)
        {
            TimeUnit.SECONDS.sleep(1); // polling the server's garbage collector
            answer = manager(tomcat, "findleaks?statusLine=true").body();
        }
        return answer;
    }

    private static Http.Response manager(final Tomcat tomcat, final String command) throws Exception
    {
        return Http.get(tomcat.port(), "/manager/text/" + command, Tomcat.MANAGER_USER, Tomcat.MANAGER_PASSWORD);
    }

    private static ServerLog warnings(final ServerProcess server, final Tomcat tomcat, final Path data) throws Exception
    {
        return ServerLog.of(server.lines(), ServerLog.Format.TOMCAT, List.of(tomcat.base(), data));
    }

    static String agentOption(final Path data)
    {
        return "-javaagent:" + SxsCommand.agentJar() + "=data=" + data;
    }

    static String classPath(final Jdk jdk, final ServerProcess server) throws Exception
    {
        return Jcmd.systemProperties(jdk, server.pid()).getProperty("java.class.path");
    }
}
