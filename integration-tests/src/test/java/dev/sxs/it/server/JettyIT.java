package dev.sxs.it.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.sxs.it.agent.Jdk;
import dev.sxs.it.agent.SxsCommand;

/**
 * sxs in a real Eclipse Jetty 12 (the {@code jetty-home} distribution from Maven Central, started with
 * {@code java -jar start.jar}, Servlet 6 webapps through {@code ee10-deploy}), on JDK 17 and Temurin
 * 25: loaded with {@code -javaagent}, it serves, is evaluated through the CLI and from a webapp, and
 * Jetty logs nothing it would not log without it; the host's {@code java.class.path} (which Jetty's
 * {@code start.jar} sets to the server's class path) stays as it is without sxs.
 */
class JettyIT
{
    /** The test webapp's name and context path. */
    static final String APP = "app";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldServeAndEvaluateWithTheAgentWithoutNewWarningsOrClassPathChange(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final Jetty plain = Jetty.create(dir.resolve("plain"));
        final Jetty agent = Jetty.create(dir.resolve("sxs"));
        Webapp.deploy(plain.webapps(), APP);
        Webapp.deploy(agent.webapps(), APP);
        final Path data = dir.resolve("data");
        try (ServerProcess without = plain.start(jdk, List.of());
            ServerProcess with = agent.start(jdk, List.of(TomcatIT.agentOption(data))))
        {
            without.awaitLine(Jetty.STARTED, 0, ServerProcess.START_TIMEOUT);
            with.awaitLine(Jetty.STARTED, 0, ServerProcess.START_TIMEOUT);
            assertEquals(new Http.Response(200, Webapp.greeting(APP)), Http.get(plain.port(), "/" + APP + "/"));
            assertEquals(new Http.Response(200, Webapp.greeting(APP)), Http.get(agent.port(), "/" + APP + "/"));

            Jcmd.awaitSxsRunning(jdk, with.pid(), ServerProcess.START_TIMEOUT);
            final SxsCommand eval = SxsCommand.run(jdk, "eval", Long.toString(with.pid()),
                "(core/kv/incr hits) (core/kv/incr hits)");
            assertEquals(List.of("1", "2"), eval.lines(), eval.err());
            final Http.Response viaWebapp = Http.get(agent.port(), Http.evalPath("/" + APP, TomcatIT.GET_HITS));
            assertEquals(new Http.Response(200, "2"), viaWebapp,
                "the webapp reaches sxs through the platform MBean server");

            assertEquals(TomcatIT.classPath(jdk, without).replace(plain.base().toString(), "<BASE>"),
                TomcatIT.classPath(jdk, with).replace(agent.base().toString(), "<BASE>"),
                "sxs leaves Jetty's java.class.path as it is without sxs");
            NoNewWarnings.assertNoneAdded(jdk, warnings(without, plain, data), warnings(with, agent, data),
                "Jetty started with -javaagent, served and was evaluated", with.log());
        }
    }

    private static ServerLog warnings(final ServerProcess server, final Jetty jetty, final Path data) throws Exception
    {
        return ServerLog.of(server.lines(), ServerLog.Format.JETTY, List.of(jetty.base(), data));
    }
}
