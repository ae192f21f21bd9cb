package dev.sxs.it.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.sxs.it.agent.Jdk;

/**
 * An Apache Tomcat instance for a test: the unpacked distribution as {@code CATALINA_HOME} (shared,
 * never written) and a fresh {@code CATALINA_BASE} of the test's own with the distribution's
 * configuration except: one HTTP connector on a free loopback port, no shutdown port, every logger
 * on the console (so one log holds all records), background checks every second (deployments and
 * reloads are noticed quickly), and optionally the distribution's manager webapp for a
 * {@code manager-script} user. Started with {@code catalina.sh run}, which execs the JVM.
 */
final class Tomcat
{
    /** The line Tomcat logs once it has started. */
    static final String STARTED = "org.apache.catalina.startup.Catalina.start Server startup in";
    /** The manager's user (role {@code manager-script}). */
    static final String MANAGER_USER = "sxs-it";
    /** The manager user's password. */
    static final String MANAGER_PASSWORD = "sxs-it-password";

    private final Path base;
    private final int port;

    private Tomcat(final Path base, final int port)
    {
        this.base = base;
        this.port = port;
    }

    /** @return the unpacked distribution. */
    static Path home()
    {
        return Distribution.home("sxs.it.tomcatHome", "bin/catalina.sh");
    }

    /**
     * @param base        the new {@code CATALINA_BASE} folder.
     * @param withManager whether to deploy the distribution's manager webapp at {@code /manager}.
     * @return the instance, not started.
     * @throws IOException when the folder cannot be written.
     */
    static Tomcat create(final Path base, final boolean withManager) throws IOException
    {
        final Path conf = base.resolve("conf");
        Files.createDirectories(conf);
        for (final String dir : List.of("logs", "temp", "webapps", "work"))
        {
            Files.createDirectories(base.resolve(dir));
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(home().resolve("conf"), Files::isRegularFile))
        {
            for (final Path file : files)
            {
                Files.copy(file, conf.resolve(file.getFileName()));
            }
        }
        final int port = Http.freePort();
        Files.writeString(conf.resolve("server.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <Server port="-1" shutdown="SHUTDOWN">
              <Listener className="org.apache.catalina.startup.VersionLoggerListener"/>
              <Listener className="org.apache.catalina.core.AprLifecycleListener"/>
              <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener"/>
              <Listener className="org.apache.catalina.mbeans.GlobalResourcesLifecycleListener"/>
              <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener"/>
              <GlobalNamingResources>
                <Resource name="UserDatabase" auth="Container" type="org.apache.catalina.UserDatabase"
                          factory="org.apache.catalina.users.MemoryUserDatabaseFactory"
                          pathname="conf/tomcat-users.xml"/>
              </GlobalNamingResources>
              <Service name="Catalina">
                <Connector port="%d" address="127.0.0.1" protocol="HTTP/1.1" connectionTimeout="20000"/>
                <Engine name="Catalina" defaultHost="localhost" backgroundProcessorDelay="1">
                  <Realm className="org.apache.catalina.realm.LockOutRealm">
                    <Realm className="org.apache.catalina.realm.UserDatabaseRealm" resourceName="UserDatabase"/>
                  </Realm>
                  <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="true"/>
                </Engine>
              </Service>
            </Server>
            """.formatted(port));
        Files.writeString(conf.resolve("logging.properties"), """
            handlers = java.util.logging.ConsoleHandler
            .handlers = java.util.logging.ConsoleHandler
            java.util.logging.ConsoleHandler.level = ALL
            java.util.logging.ConsoleHandler.formatter = org.apache.juli.OneLineFormatter
            java.util.logging.ConsoleHandler.encoding = UTF-8
            """);
        Files.writeString(conf.resolve("tomcat-users.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">
              <user username="%s" password="%s" roles="manager-script"/>
            </tomcat-users>
            """.formatted(MANAGER_USER, MANAGER_PASSWORD));
        if (withManager)
        {
            final Path contexts = conf.resolve("Catalina").resolve("localhost");
            Files.createDirectories(contexts);
            Files.writeString(contexts.resolve("manager.xml"), """
                <Context docBase="%s" privileged="true" antiResourceLocking="false">
                  <Valve className="org.apache.catalina.valves.RemoteAddrValve" allow="127\\.\\d+\\.\\d+\\.\\d+"/>
                </Context>
                """.formatted(home().resolve("webapps").resolve("manager")));
        }
        return new Tomcat(base, port);
    }

    /**
     * @param jdk     the JDK to run on ({@code JAVA_HOME}).
     * @param options JVM options ({@code CATALINA_OPTS}; no option may contain a space).
     * @return the process, starting.
     * @throws IOException when it cannot be started.
     */
    ServerProcess start(final Jdk jdk, final List<String> options) throws IOException
    {
        final Path log = base.resolve("logs").resolve("console-" + System.nanoTime() + ".log");
        final String catalina = home().resolve("bin").resolve("catalina.sh").toString();
        return ServerProcess.start("Tomcat on " + jdk, List.of("bash", catalina, "run"),
            Map.of("JAVA_HOME", jdk.home().toString(), "CATALINA_HOME", home().toString(),
                "CATALINA_BASE", base.toString(), "CATALINA_OPTS", String.join(" ", options)),
            base, log);
    }

    /** @return the {@code CATALINA_BASE}. */
    Path base()
    {
        return base;
    }

    /** @return the folder Tomcat deploys webapps from. */
    Path webapps()
    {
        return base.resolve("webapps");
    }

    /** @return the HTTP port on 127.0.0.1. */
    int port()
    {
        return port;
    }

    /**
     * @param webapp a webapp folder in {@link #webapps()}.
     * @return the line Tomcat logs when it has deployed that folder.
     */
    static String deployed(final Path webapp)
    {
        return "Deployment of web application directory [" + webapp + "] has finished";
    }
}
