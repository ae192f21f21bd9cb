package dev.sxs.it.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.sxs.it.agent.Jdk;

/**
 * An Eclipse Jetty 12 instance for a test: the unpacked {@code jetty-home} (shared, never written) and
 * a fresh {@code jetty.base} of the test's own, started as the distribution documents,
 * {@code java -jar $JETTY_HOME/start.jar}, with the modules {@code http} (on a free loopback port) and
 * {@code ee10-deploy} (webapps of {@code jetty.base/webapps}, Servlet 6). The server runs in the
 * {@code start.jar} JVM itself (none of these modules needs a forked JVM), so JVM options given
 * here, {@code -javaagent} included, apply to the server.
 */
final class Jetty
{
    /** The line Jetty logs once it has started. */
    static final String STARTED = "Started oejs.Server@";

    private final Path base;
    private final int port;

    private Jetty(final Path base, final int port)
    {
        this.base = base;
        this.port = port;
    }

    /** @return the unpacked distribution. */
    static Path home()
    {
        return Distribution.home("sxs.it.jettyHome", "start.jar");
    }

    /**
     * @param base the new {@code jetty.base} folder.
     * @return the instance, not started.
     * @throws IOException when the folder cannot be written.
     */
    static Jetty create(final Path base) throws IOException
    {
        Files.createDirectories(base.resolve("webapps"));
        return new Jetty(base, Http.freePort());
    }

    /**
     * @param jdk     the JDK to run on.
     * @param options JVM options.
     * @return the process, starting.
     * @throws IOException when it cannot be started.
     */
    ServerProcess start(final Jdk jdk, final List<String> options) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(options);
        command.add("-jar");
        command.add(home().resolve("start.jar").toString());
        command.add("jetty.home=" + home());
        command.add("jetty.base=" + base);
        // properties before the modules: after an ee10 module they would belong to the ee10 environment
        command.add("jetty.http.host=127.0.0.1");
        command.add("jetty.http.port=" + port);
        command.add("--module=http,ee10-deploy");
        final Path log = base.resolve("console-" + System.nanoTime() + ".log");
        return ServerProcess.start("Jetty on " + jdk, command, Map.of(), base, log);
    }

    /** @return the {@code jetty.base}. */
    Path base()
    {
        return base;
    }

    /** @return the folder Jetty deploys webapps from. */
    Path webapps()
    {
        return base.resolve("webapps");
    }

    /** @return the HTTP port on 127.0.0.1. */
    int port()
    {
        return port;
    }
}
