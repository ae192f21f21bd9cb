package dev.sxs.bench.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real server that {@link ServerCost} starts as its distribution documents, each time in a fresh
 * base folder of its own, on a free port: Apache Tomcat with {@code catalina.sh run} and its own
 * default configuration and webapps (ROOT, docs, examples, manager, host-manager), and Eclipse
 * Jetty 12 with {@code java -jar start.jar} and the modules {@code http} and {@code ee10-deploy}
 * serving one small static webapp.
 */
enum CostServer
{
    /** Apache Tomcat, {@code apache-tomcat-VERSION}. */
    TOMCAT("Tomcat", "apache-tomcat-", "org.apache.catalina.startup.Catalina.start Server startup in")
    {
        @Override
        ProcessBuilder prepare(final Path home, final Path base, final Path javaHome, final int port,
            final List<String> options)
            throws IOException
        {
            final Path conf = base.resolve("conf");
            for (final String dir : List.of("conf", "logs", "temp", "work"))
            {
                Files.createDirectories(base.resolve(dir));
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(home.resolve("conf"), Files::isRegularFile))
            {
                for (final Path file : files)
                {
                    Files.copy(file, conf.resolve(file.getFileName()));
                }
            }
            // the distribution's server.xml on a free port, without the shutdown port, deploying the
            // distribution's webapps
            Files.writeString(conf.resolve("server.xml"), Files.readString(home.resolve("conf").resolve("server.xml"))
                .replace("port=\"8005\"", "port=\"-1\"").replace("port=\"8080\"", "port=\"" + port + "\"")
                .replace("appBase=\"webapps\"", "appBase=\"" + home.resolve("webapps") + "\""));
            final Path catalina = home.resolve("bin").resolve("catalina.sh");
            final ProcessBuilder builder = new ProcessBuilder("bash", catalina.toString(), "run");
            clean(builder.environment()).putAll(Map.of("JAVA_HOME", javaHome.toString(),
                "CATALINA_HOME", home.toString(), "CATALINA_BASE", base.toString(),
                "CATALINA_OPTS", String.join(" ", options)));
            return builder;
        }
    },
    /** Eclipse Jetty, {@code jetty-home-VERSION}. */
    JETTY("Jetty", "jetty-home-", "Started oejs.Server@")
    {
        @Override
        ProcessBuilder prepare(final Path home, final Path base, final Path javaHome, final int port,
            final List<String> options)
            throws IOException
        {
            final Path webapp = base.resolve("webapps").resolve("hello");
            Files.createDirectories(webapp.resolve("WEB-INF"));
            Files.writeString(webapp.resolve("index.html"), "hello");
            Files.writeString(webapp.resolve("WEB-INF").resolve("web.xml"),
                "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\"/>\n");
            final List<String> command = new ArrayList<>();
            command.add(javaHome.resolve("bin").resolve("java").toString());
            command.addAll(options);
            command.addAll(List.of("-jar", home.resolve("start.jar").toString(), "jetty.home=" + home,
                "jetty.base=" + base, "jetty.http.host=127.0.0.1", "jetty.http.port=" + port,
                "--module=http,ee10-deploy"));
            final ProcessBuilder builder = new ProcessBuilder(command);
            clean(builder.environment());
            return builder;
        }
    };

    private final String label;
    private final String folderPrefix;
    private final String startedLine;

    CostServer(final String label, final String folderPrefix, final String startedLine)
    {
        this.label = label;
        this.folderPrefix = folderPrefix;
        this.startedLine = startedLine;
    }

    /**
     * @param home     the unpacked distribution.
     * @param base     a fresh, empty folder for this start's configuration, logs and work files.
     * @param javaHome the JDK to run on.
     * @param port     a free TCP port for HTTP.
     * @param options  JVM options (no option may contain a space).
     * @return the process to start, its working folder and output not yet set.
     * @throws IOException when the base folder cannot be written.
     */
    abstract ProcessBuilder prepare(Path home, Path base, Path javaHome, int port, List<String> options)
        throws IOException;

    /** @return the name in reports. */
    String label()
    {
        return label;
    }

    /** @return what the line the server logs once it has started contains. */
    String startedLine()
    {
        return startedLine;
    }

    /**
     * @param servers the folder the build unpacked the distributions into.
     * @return this server's distribution in it.
     * @throws IllegalStateException when there is none.
     */
    Path home(final Path servers)
    {
        try (Stream<Path> children = Files.isDirectory(servers) ? Files.list(servers) : Stream.empty())
        {
            return children.filter(p -> p.getFileName().toString().startsWith(folderPrefix) && Files.isDirectory(p))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + folderPrefix + "* folder in " + servers
                    + "; ./mvnw -B -DskipTests package unpacks Tomcat and Jetty there (or pass --servers DIR,"
                    + " or --server-runs 0)"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** The JVM-option variables a user may have set would change both starts alike but blur the comparison. */
    private static Map<String, String> clean(final Map<String, String> env)
    {
        for (final String inherited : List.of("JAVA_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
            "JRE_HOME", "CATALINA_HOME", "CATALINA_BASE", "CATALINA_OPTS", "CATALINA_PID", "JETTY_HOME", "JETTY_BASE"))
        {
            env.remove(inherited);
        }
        return env;
    }
}
