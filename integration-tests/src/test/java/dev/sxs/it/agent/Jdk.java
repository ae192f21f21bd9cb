package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A JDK the agent tests run hosts and the CLI on: the one running the tests (17) and Temurin 25.
 *
 * @param name label in test names.
 * @param home its {@code java.home}.
 */
public record Jdk(String name, Path home)
{
    /** {@code @MethodSource(Jdk.ALL)} runs a parameterised test on each of {@link #all()}. */
    public static final String ALL = "dev.sxs.it.agent.Jdk#all";

    /**
     * @return the JDKs to test on; the JDK 25 variant is skipped (with a message) where it is missing.
     */
    public static Stream<Jdk> all()
    {
        return Stream.of(
            new Jdk("jdk" + Runtime.version().feature(), Path.of(System.getProperty("java.home"))),
            new Jdk("temurin25", Path.of(System.getProperty("sxs.it.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"))));
    }

    /** @return the {@code java} launcher. */
    public Path java()
    {
        return home.resolve("bin").resolve("java");
    }

    /** @return its feature version. */
    public int feature()
    {
        try
        {
            for (final String line : Files.readAllLines(home.resolve("release")))
            {
                if (line.startsWith("JAVA_VERSION="))
                {
                    final String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        }
        catch (final Exception ignored)
        {
            // fall through
        }
        return Runtime.version().feature();
    }

    /**
     * Skip the calling test when this JDK is not installed.
     */
    public void assumePresent()
    {
        assumeTrue(Files.isExecutable(java()), "JDK '" + name + "' not found at " + home + "; skipping this variant");
    }

    @Override
    public String toString()
    {
        return name;
    }
}
