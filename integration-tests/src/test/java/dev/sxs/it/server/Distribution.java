package dev.sxs.it.server;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build unpacked a server distribution (integration-tests/pom.xml fetches Apache Tomcat
 * and Eclipse Jetty from Maven Central at {@code pre-integration-test} into {@code target/servers} and
 * passes their folders as system properties). A missing one fails the test: it is never skipped.
 */
final class Distribution
{
    private Distribution()
    {
    }

    /**
     * @param property the system property naming the folder.
     * @param marker   a file the distribution must contain, relative to its folder.
     * @return the folder.
     * @throws IllegalStateException when the property is unset or the folder lacks the marker.
     */
    static Path home(final String property, final String marker)
    {
        final String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value).resolve(marker)))
        {
            throw new IllegalStateException("no server distribution at " + property + "=" + value + " (missing "
                + marker
                + "); the build unpacks it before the integration tests: run them with"
                + " ./mvnw verify -pl integration-tests -am");
        }
        return Path.of(value);
    }
}
