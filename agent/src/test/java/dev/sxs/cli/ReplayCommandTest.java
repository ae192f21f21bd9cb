package dev.sxs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import dev.sxs.journal.ReplayOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(final String... args)
    {
        return SxsCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private static ReplayOptions options(final String channel, final String type)
    {
        return ReplayOptions.of("j", null, null, null, null, channel, null, null, false, type, null);
    }

    @Test
    void shouldListEveryOptionInItsHelp()
    {
        assertEquals(SxsCli.EXIT_OK, run("replay", "--help"));
        for (final String option : new String[] {"DIR", "--from", "--since", "--to", "--until", "--channel", "--topic",
            "--type", "--pace", "--speed", "--progress", "--into", "--user", "--ssl", "--help"})
        {
            assertTrue(out.toString().contains(option), option + " in:\n" + out);
        }
    }

    @Test
    void shouldReportBadOptionsInOneLineWithExitTwo()
    {
        assertEquals(SxsCli.EXIT_USAGE, run("replay", dir.toString(), "--topic", "70000"));
        assertEquals("sxs replay: bad --topic '70000' (expected an integer from 0 to 65535) (see: sxs help replay)",
            err.toString().trim());
        err.getBuffer().setLength(0);
        assertEquals(SxsCli.EXIT_USAGE, run("replay", dir.toString(), "--into", "4242", "--speed", "10"));
        assertEquals("sxs replay: --into re-publishes at once; --pace and --speed apply to printing "
            + "(see: sxs help replay)", err.toString().trim());
    }

    @Test
    void shouldReplayEventsIntoARuntimeUnlessScriptsAreNamed()
    {
        assertEquals("", ReplayInto.selection(options(null, null)));
        assertEquals("B", ReplayInto.selection(options("B", "event")));
        assertEquals("exec", ReplayInto.selection(options(null, "script")));
        assertEquals("exec", ReplayInto.selection(options("exec", "script")));
        final CliException execAlone = assertThrows(CliException.class, () -> ReplayInto.selection(options("exec",
            null)));
        assertEquals(SxsCli.EXIT_USAGE, execAlone.exitCode());
        assertTrue(execAlone.getMessage().contains("add --type script"), execAlone.getMessage());
        assertThrows(CliException.class, () -> ReplayInto.selection(options(null, "audit")));
        assertThrows(CliException.class, () -> ReplayInto.selection(options("A", "script")));
    }
}
