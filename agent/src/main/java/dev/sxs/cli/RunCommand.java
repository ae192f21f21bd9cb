package dev.sxs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.sxs.agent.AgentSettings;
import dev.sxs.agent.RuntimeHandle;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Printer;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;
import dev.sxs.session.Principal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sxs run [--data DIR] [--scope PREFIX] FILE...}: the standalone runner. Evaluates every
 * top-level form of each file, in order, in one fresh runtime and prints each form's value canonically
 * on stdout, one line each; {@code core/util/log} lines go to stderr. Every file is read before anything
 * runs. Without {@code --data} nothing is persisted.
 * <p>
 * Exit status: 0 when every form succeeded, 1 when any gave an error value, 2 for bad usage, an
 * unreadable file, a bad setting or a store that cannot be opened.
 */
@Command(name = "run", description = {
    "Evaluate every top-level form of each FILE in order in a fresh runtime; print each value on stdout, one per line.",
    "FILE - reads standard input. core/util/log lines go to stderr.",
    "Exit 0 all succeeded, 1 an error value or a file that is not UTF-8, 2 bad usage or an unreadable file."})
final class RunCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
        description = "persist the store (and journal) in DIR; default: memory only")
    Path data;

    @Option(names = "--scope", paramLabel = "PREFIX",
        description = "scope (hidden key prefix) to run in; default: root")
    String scope;

    @Option(names = "--config", paramLabel = "FILE",
        description = "settings from a properties file (see docs/configuration.md)")
    Path configFile;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
        description = "one setting, e.g. -s budget.steps=1000 (repeatable)")
    Map<String, String> settings = new LinkedHashMap<>();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "script files; - reads standard input")
    List<String> files;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final List<String> sources = new ArrayList<>();
        for (final String file : files)
        {
            sources.add(ScriptFiles.read(file));
        }
        final Config config = config();
        final String missing = Environment.missingCompiler();
        if (missing != null)
        {
            throw new CliException(SxsCli.EXIT_USAGE, missing);
        }
        final RuntimeHandle runtime;
        try
        {
            runtime = RuntimeHandle.open(config, LogSink.STDERR);
        }
        catch (final RuntimeException ex)
        {
            throw new CliException(SxsCli.EXIT_USAGE, "cannot open the store: " + ex.getMessage(), ex);
        }
        int status = SxsCli.EXIT_OK;
        try (runtime)
        {
            final PrintWriter out = spec.commandLine().getOut();
            for (final String source : sources)
            {
                final List<String> printed = Printer.printAll(runtime.eval(source, scope, Principal.API));
                status = Math.max(status, Results.print(printed, out));
            }
        }
        err.flush();
        return status;
    }

    private Config config()
    {
        final Map<String, String> merged = new LinkedHashMap<>();
        try
        {
            if (configFile != null)
            {
                merged.putAll(AgentSettings.readFile(configFile));
            }
            merged.putAll(settings);
            if (data != null)
            {
                merged.put("data", data.toString());
            }
            return Config.parse(merged);
        }
        catch (final ConfigException ex)
        {
            throw new CliException(SxsCli.EXIT_USAGE, ex.getMessage());
        }
    }
}
