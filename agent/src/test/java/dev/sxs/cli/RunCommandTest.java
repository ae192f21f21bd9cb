package dev.sxs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest
{
    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        out = new StringWriter();
        err = new StringWriter();
        return SxsCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private Path script(final String name, final String text) throws Exception
    {
        final Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void shouldPrintEveryFormOfEveryFileInOrder() throws Exception
    {
        final Path a = script("a.sxs", "(core/kv/set n 1)\n(core/kv/incr n)\n");
        final Path b = script("b.sxs", "(core/kv/get n) \"two\" 'x");
        assertEquals(SxsCli.EXIT_OK, run("run", a.toString(), b.toString()));
        assertEquals(String.join(System.lineSeparator(), "true", "2", "2", "\"two\"", "x", ""), out.toString());
    }

    @Test
    void shouldExitOneWhenAFormGivesAnErrorAndStillRunTheRest() throws Exception
    {
        final Path a = script("a.sxs", "(core/kv/get missing)\n(core/kv/set k 1)\n");
        assertEquals(SxsCli.EXIT_ERROR_VALUE, run("run", a.toString()));
        assertEquals(String.join(System.lineSeparator(), "@\"key not found: missing\"", "true", ""), out.toString());
    }

    @Test
    void shouldPrintAReadErrorAsOneErrorValue() throws Exception
    {
        final Path a = script("a.sxs", "(core/kv/set k 1");
        assertEquals(SxsCli.EXIT_ERROR_VALUE, run("run", a.toString()));
        assertTrue(out.toString().startsWith("@\"read error at 1:1"), out.toString());
    }

    @Test
    void shouldExitTwoForAnUnreadableFileBeforeRunningAnything() throws Exception
    {
        final Path a = script("a.sxs", "(core/kv/set k 1)");
        final Path missing = dir.resolve("missing.sxs");
        assertEquals(SxsCli.EXIT_USAGE, run("run", a.toString(), missing.toString()));
        assertEquals("", out.toString());
        assertEquals("sxs run: cannot read " + missing + ": no such file" + System.lineSeparator(), err.toString());
    }

    @Test
    void shouldExitTwoWithoutFiles()
    {
        assertEquals(SxsCli.EXIT_USAGE, run("run"));
    }

    @Test
    void shouldExitTwoForABadSetting() throws Exception
    {
        final Path a = script("a.sxs", "1");
        assertEquals(SxsCli.EXIT_USAGE, run("run", "-s", "budget.steps=lots", a.toString()));
        assertTrue(err.toString().contains("bad value for 'budget.steps': 'lots'"), err.toString());
    }

    @Test
    void shouldPersistOnlyWithData() throws Exception
    {
        final Path data = dir.resolve("data");
        assertEquals(SxsCli.EXIT_OK,
            run("run", "--data", data.toString(), script("w.sxs", "(core/kv/set kept 7)").toString()));
        assertEquals(SxsCli.EXIT_OK,
            run("run", "--data", data.toString(), script("r.sxs", "(core/kv/get kept)").toString()));
        assertEquals("7" + System.lineSeparator(), out.toString());
        assertEquals(SxsCli.EXIT_ERROR_VALUE, run("run", script("m.sxs", "(core/kv/get kept)").toString()));
    }

    @Test
    void shouldRunInTheGivenScope() throws Exception
    {
        final Path data = dir.resolve("data");
        run("run", "--data", data.toString(), "--scope", "job:1:", script("w.sxs", "(core/kv/set k 1)").toString());
        assertEquals(SxsCli.EXIT_OK,
            run("run", "--data", data.toString(), script("r.sxs", "(core/kv/get job:1:k)").toString()));
        assertEquals("1" + System.lineSeparator(), out.toString());
    }

    @Test
    void shouldReadTheScriptFromStandardInputForADash() throws Exception
    {
        final java.io.InputStream stdin = System.in;
        System.setIn(new java.io.ByteArrayInputStream("(core/kv/set n 4) (core/kv/incr n)".getBytes(
            java.nio.charset.StandardCharsets.UTF_8)));
        try
        {
            assertEquals(SxsCli.EXIT_OK, run("run", "-"));
        }
        finally
        {
            System.setIn(stdin);
        }
        assertEquals(String.join(System.lineSeparator(), "true", "5", ""), out.toString());
    }

    @Test
    void shouldReportBytesThatAreNotUtf8AsAReadErrorWithLineAndColumn() throws Exception
    {
        final Path file = dir.resolve("latin1.sxs");
        Files.write(file, new byte[] {'(', '1', ')', '\n', '"', 'c', 'a', 'f', (byte)0xE9, '"', '\n'});
        assertEquals(SxsCli.EXIT_ERROR_VALUE, run("run", file.toString()));
        assertEquals("sxs run: read error in " + file + " at line 2, column 5: not UTF-8 (byte 0xE9 at offset 8); "
            + "save the file as UTF-8", err.toString().trim());
        assertEquals("", out.toString(), "nothing runs");
    }
}
