package dev.sxs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class SxsCliTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        return SxsCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void shouldExitTwoOnAnUnknownCommand()
    {
        assertEquals(SxsCli.EXIT_USAGE, run("frobnicate"));
        assertEquals("sxs: Unmatched argument at index 0: 'frobnicate' (see: sxs help)", err.toString().trim());
    }

    @Test
    void shouldExitTwoWhenEvalHasNeitherScriptNorFile()
    {
        assertEquals(SxsCli.EXIT_USAGE, run("eval", "123"));
    }

    @Test
    void shouldExitTwoForAPidThatIsNotANumber()
    {
        assertEquals(SxsCli.EXIT_USAGE, run("eval", "12x", "(core/util/now)"));
        assertTrue(err.toString().contains("'12x' is neither a PID nor HOST:PORT"), err.toString());
    }

    @Test
    void shouldExitTwoWithOneLineForAPortOutOfRange()
    {
        assertEquals(SxsCli.EXIT_USAGE, run("eval", "127.0.0.1:99999", "(core/util/now)"));
        assertEquals("sxs eval: '127.0.0.1:99999' has port 99999; a port is 1..65535", err.toString().trim());
        err.getBuffer().setLength(0);
        assertEquals(SxsCli.EXIT_USAGE, run("status", "127.0.0.1:0"));
        assertEquals("sxs status: '127.0.0.1:0' has port 0; a port is 1..65535", err.toString().trim());
    }

    @Test
    void shouldExitThreeWithOneLineForAHostThatDoesNotAnswer()
    {
        assertEquals(SxsCli.EXIT_UNREACHABLE, run("status", "no-such-host.invalid:9999"));
        final String message = err.toString().trim();
        assertTrue(message.startsWith("sxs status: cannot connect to JMX of no-such-host.invalid:9999: "), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void shouldExitThreeForAProcessThatDoesNotExist()
    {
        assertEquals(SxsCli.EXIT_UNREACHABLE, run("status", "999999999"));
        assertTrue(err.toString().contains("sxs status: no process with PID 999999999 is running"), err.toString());
    }

    @Test
    void shouldExitTwoForAnUnreadableScriptFile()
    {
        assertEquals(SxsCli.EXIT_USAGE, run("eval", "1", "-f", "/no/such/file.sxs"));
        assertTrue(err.toString().contains("cannot read /no/such/file.sxs: no such file"), err.toString());
    }

    @Test
    void shouldListEveryCommandInTheHelp()
    {
        assertEquals(SxsCli.EXIT_OK, run("--help"));
        for (final String command : new String[] {"attach", "eval", "status", "stop", "list", "repl"})
        {
            assertTrue(out.toString().contains(command), command);
        }
    }

    @Test
    void shouldShowEveryCommandsSummaryWholeInTheHelp()
    {
        assertEquals(SxsCli.EXIT_OK, run("--help"));
        final String commands = out.toString().substring(out.toString().indexOf("Commands:"));
        for (final picocli.CommandLine sub : SxsCli.commandLine(new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter())).getSubcommands().values())
        {
            final String[] description = sub.getCommandSpec().usageMessage().description();
            if (description.length > 0 && !sub.getCommandName().equals("help"))
            {
                final String first = description[0];
                assertTrue(first.endsWith(".") || first.endsWith(")"), "a whole sentence: " + first);
                final String words = commands.replaceAll("\\s+", " ");
                assertTrue(words.contains(first.replaceAll("\\s+", " ")), first + " in:\n" + commands);
            }
        }
    }

    @Test
    void shouldPrintHelpForEverySubcommand()
    {
        for (final String command : new String[] {"run", "attach", "eval", "status", "stop", "list", "repl", "demo",
            "replay", "bench"})
        {
            out.getBuffer().setLength(0);
            assertEquals(SxsCli.EXIT_OK, run(command, "--help"), command + ": " + err);
            assertTrue(out.toString().startsWith("Usage: sxs " + command), command + ": " + out);
        }
    }

    @Test
    void shouldReportBadUsageInOneLineNamingTheCommand()
    {
        assertEquals(SxsCli.EXIT_USAGE, run("eval", "123"));
        assertEquals("sxs eval: give either SCRIPT or -f FILE (see: sxs help eval)", err.toString().trim());
    }

    @Test
    void shouldCheckAnEntityActionBeforeConnecting()
    {
        assertEquals(SxsCli.EXIT_USAGE, run("entity", "123", "grant", "shop-a", "RW"));
        assertEquals("sxs entity: grant takes 3 arguments, got 2 (see: sxs help entity)", err.toString().trim());
        err.getBuffer().setLength(0);
        assertEquals(SxsCli.EXIT_USAGE, run("entity", "123", "frob"));
        assertEquals("sxs entity: unknown action 'frob' (see: sxs help entity)", err.toString().trim());
    }

    @Test
    void shouldAskForTheJmxPasswordInTheEnvironmentWithoutATerminal()
    {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.console() == null
            && System.getenv("SXS_JMX_PASSWORD") == null);
        assertEquals(SxsCli.EXIT_USAGE, run("eval", "--user", "admin", "127.0.0.1:1", "1"));
        assertEquals("sxs eval: no password for JMX user 'admin': set SXS_JMX_PASSWORD (there is no terminal to prompt "
            + "on)", err.toString().trim());
    }
}
