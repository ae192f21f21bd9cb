package dev.sxs.it.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.sxs.it.server.webapp.EvalServlet;
import dev.sxs.it.server.webapp.PageServlet;

/**
 * Writes the exploded test webapp: a static {@code index.html} saying {@code hello from NAME},
 * {@link EvalServlet} at {@code /eval} and {@link PageServlet} at {@code /page/*} (their class files copied
 * from the test classes into {@code WEB-INF/classes}). Tomcat and Jetty deploy the folder as context
 * {@code /NAME}.
 */
final class Webapp
{
    /** The servlet's path inside the webapp. */
    static final String EVAL_PATH = "/eval";
    /** The page servlet's path prefix inside the webapp. */
    static final String PAGE_PATH = "/page/";

    private Webapp()
    {
    }

    /**
     * Write the webapp beside {@code webapps} first, then rename it into place, so a server watching
     * {@code webapps} never sees it half-written (the rename is atomic on one file system).
     *
     * @param webapps the server's folder of webapps.
     * @param name    the webapp's name and context path.
     * @return the deployed folder.
     * @throws IOException when it cannot be written.
     */
    static Path deploy(final Path webapps, final String name) throws IOException
    {
        final Path staging = webapps.resolveSibling("staging-" + name);
        write(staging, name);
        Files.createDirectories(webapps);
        return Files.move(staging, webapps.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return the page {@code index.html} serves for the webapp NAME. */
    static String greeting(final String name)
    {
        return "hello from " + name;
    }

    private static void write(final Path dir, final String name) throws IOException
    {
        Files.createDirectories(dir.resolve("WEB-INF"));
        Files.writeString(dir.resolve("index.html"), greeting(name));
        Files.writeString(dir.resolve("WEB-INF").resolve("web.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <servlet>
                <servlet-name>eval</servlet-name>
                <servlet-class>%s</servlet-class>
              </servlet>
              <servlet-mapping>
                <servlet-name>eval</servlet-name>
                <url-pattern>%s</url-pattern>
              </servlet-mapping>
              <servlet>
                <servlet-name>page</servlet-name>
                <servlet-class>%s</servlet-class>
              </servlet>
              <servlet-mapping>
                <servlet-name>page</servlet-name>
                <url-pattern>%s*</url-pattern>
              </servlet-mapping>
            </web-app>
            """.formatted(EvalServlet.class.getName(), EVAL_PATH, PageServlet.class.getName(), PAGE_PATH));
        copyClass(dir, EvalServlet.class);
        copyClass(dir, PageServlet.class);
    }

    private static void copyClass(final Path dir, final Class<?> type) throws IOException
    {
        final String classFile = type.getName().replace('.', '/') + ".class";
        final Path target = dir.resolve("WEB-INF").resolve("classes").resolve(classFile);
        Files.createDirectories(target.getParent());
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class"))
        {
            Files.copy(in, target);
        }
    }
}
