package dev.sxs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Entry point of {@code benchmarks.jar}: the JMH command line, with the JVM flags Chronicle needs
 * ({@code sxs.jvm.flags} of the parent pom) prepended to the JVM arguments of every forked benchmark JVM (so a benchmark's own {@code @Fork(jvmArgsAppend)} still applies).
 * <p>
 * Usage: {@code java -jar benchmarks/target/benchmarks.jar [JMH options] [benchmark regex]}, e.g.
 * {@code java -jar benchmarks/target/benchmarks.jar Kv}.
 */
public final class BenchMain
{
    /** Classpath resource holding the JVM flags, filtered from the pom at build time. */
    public static final String FLAGS_RESOURCE = "/sxs-jvm-flags.txt";

    private BenchMain()
    {
    }

    /**
     * @param args JMH command line.
     * @throws RunnerException            when a benchmark fails.
     * @throws CommandLineOptionException on bad options.
     * @throws IOException                when the flags resource cannot be read.
     */
    public static void main(final String[] args) throws RunnerException, CommandLineOptionException, IOException
    {
        System.setProperty("chronicle.analytics.disable", "true");
        final CommandLineOptions cli = new CommandLineOptions(args);
        if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers()
            || cli.shouldListResultFormats())
        {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        final Options options = new OptionsBuilder()
            .parent(cli)
            .jvmArgsPrepend(jvmFlags().toArray(new String[0]))
            .build();
        new Runner(options).run();
    }

    /**
     * @return the JVM flags every benchmark fork needs.
     * @throws IOException when the resource cannot be read.
     */
    public static List<String> jvmFlags() throws IOException
    {
        try (InputStream in = BenchMain.class.getResourceAsStream(FLAGS_RESOURCE))
        {
            final List<String> flags = new ArrayList<>();
            if (in == null)
            {
                return flags;
            }
            for (final String flag : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+"))
            {
                if (!flag.isEmpty())
                {
                    flags.add(flag);
                }
            }
            return flags;
        }
    }
}
