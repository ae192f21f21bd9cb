package dev.sxs.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sxs} command: dispatches to the subcommands and maps outcomes to exit codes.
 * <p>
 * Called by the bootstrap on the main thread with the sxs class loader as context class loader.
 * Never calls {@code System.exit}; the bootstrap exits with the returned status.
 */
@Command(
    name = "sxs",
    mixinStandardHelpOptions = true,
    versionProvider = SxsCli.Version.class,
    description = "Embedded key/value-and-events runtime for the JVM: run scripts, attach to JVMs, evaluate remotely.",
    subcommands = {
        RunCommand.class,
        AttachCommand.class,
        EvalCommand.class,
        StatusCommand.class,
        StopCommand.class,
        ListCommand.class,
        ReplCommand.class,
        SessionsCommand.class,
        EntityCommand.class,
        ProbeCommand.class,
        TaskCommand.class,
        DemoCommand.class,
        ReplayCommand.class,
        BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class SxsCli
{
    /** Every command succeeded. */
    public static final int EXIT_OK = 0;
    /** A script form evaluated to an error value. */
    public static final int EXIT_ERROR_VALUE = 1;
    /** Bad usage or an unreadable file. */
    public static final int EXIT_USAGE = 2;
    /** The target JVM could not be reached, or refused. */
    public static final int EXIT_UNREACHABLE = 3;
    /** An internal error of the CLI itself (a bug; the stack trace is printed), as sysexits' EX_SOFTWARE. */
    public static final int EXIT_INTERNAL = 70;

    /**
     * Run one command line.
     *
     * @param args the arguments after {@code sxs}.
     * @return the exit status.
     */
    public static int run(final String[] args)
    {
        // the console's encoding, which is the platform's on JDK 17 (PrintStream.charset() is JDK 18+)
        final PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        try
        {
            return commandLine(new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true), err)
                .execute(args);
        }
        catch (final NoClassDefFoundError ex)
        {
            // a JRE without jdk.attach fails while linking the classes that use it, before any check runs
            final String missing = Environment.missingAttach();
            if (missing == null)
            {
                throw ex;
            }
            err.println("sxs " + (args.length > 0 ? args[0] : "") + ": " + missing);
            return EXIT_UNREACHABLE;
        }
    }

    /**
     * @param out standard output.
     * @param err standard error.
     * @return the configured command line (tests drive it with their own writers).
     */
    public static CommandLine commandLine(final PrintWriter out, final PrintWriter err)
    {
        final CommandLine cl = new CommandLine(new SxsCli());
        cl.setOut(out);
        cl.setErr(err);
        // every subcommand answers --help / -h like the top command (docs/cli.md)
        for (final CommandLine sub : cl.getSubcommands().values())
        {
            if (!sub.getCommandSpec().optionsMap().containsKey("--help"))
            {
                sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
                    .usageHelp(true).description("Show this help message and exit.").build());
            }
        }
        // bad usage: one line "sxs COMMAND: what went wrong", exit 2
        cl.setParameterExceptionHandler((ex, args) ->
        {
            final CommandLine line = ex.getCommandLine();
            final String command = line == cl ? "" : " " + line.getCommandName();
            line.getErr().println("sxs" + command + ": " + ex.getMessage() + " (see: sxs help" + command + ")");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) ->
        {
            if (ex instanceof CliException cli)
            {
                line.getErr().println("sxs " + line.getCommandName() + ": " + cli.getMessage());
                return cli.exitCode();
            }
            line.getErr().println("sxs " + line.getCommandName() + ": unexpected failure: " + Messages.of(ex));
            ex.printStackTrace(line.getErr());
            return EXIT_INTERNAL;
        });
        return cl;
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            final String v = SxsCli.class.getPackage().getImplementationVersion();
            return new String[] {"sxs " + (v == null ? "dev" : v), "Java " + Runtime.version() + " at "
                + System.getProperty("java.home")};
        }
    }
}
