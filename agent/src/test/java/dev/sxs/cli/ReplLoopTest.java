package dev.sxs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplLoopTest
{
    @TempDir
    Path dir;

    private final List<String> sent = new ArrayList<>();
    private final StringWriter out = new StringWriter();

    private int loop(final ReplInput in, final ReplHistory history)
    {
        return new ReplLoop(in, new PrintWriter(out, true), script ->
        {
            sent.add(script);
            return List.of("\"ok " + sent.size() + "\"");
        }, history).run();
    }

    @Test
    void shouldReadFormsSpanningLinesFromAPipe()
    {
        final ReplInput pipe = ReplInput.plain(new ByteArrayInputStream(
            "(core/kv/set a\n  1)\n\n!!\n:history\n(unfinished".getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true));
        final ReplHistory history = new ReplHistory(dir.resolve("history"));
        assertEquals(SxsCli.EXIT_OK, loop(pipe, history));
        assertEquals(List.of("(core/kv/set a\n  1)", "(core/kv/set a\n  1)", "(unfinished"), sent);
        assertTrue(out.toString().contains("   1  (core/kv/set a\n  1)"), out.toString());
        assertEquals(3, new ReplHistory(dir.resolve("history")).entries().size(), "kept in the file");
    }

    @Test
    void shouldDropTheFormBeingTypedOnCtrlCAndGoOn() throws Exception
    {
        // a dumb terminal with the interrupt character a terminal driver has: Ctrl-C raises SIGINT
        final PipedOutputStream keys = new PipedOutputStream();
        final PipedInputStream typed = new PipedInputStream(keys, 1024);
        final CountDownLatch continuationPrompt = new CountDownLatch(1);
        final OutputStream screen = new OutputStream()
        {
            private final StringBuilder shown = new StringBuilder();

            @Override
            public void write(final int b)
            {
                shown.append((char)b);
                if (shown.toString().endsWith("...> "))
                {
                    continuationPrompt.countDown();
                }
            }
        };
        final Thread typist = new Thread(() ->
        {
            try
            {
                keys.write("(core/kv/set a\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                // Ctrl-C while the reader waits on the second line of the form, as a user types it
                continuationPrompt.await();
                keys.write("\u0003(core/kv/get b)\r:quit\r".getBytes(StandardCharsets.UTF_8));
                keys.close();
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
        }, "typist");
        typist.start();
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, typed, screen, StandardCharsets.UTF_8))
        {
            final Attributes attributes = terminal.getAttributes();
            attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true);
            attributes.setControlChar(Attributes.ControlChar.VINTR, 3);
            terminal.setAttributes(attributes);
            assertEquals(SxsCli.EXIT_OK, loop(ReplInput.jline(terminal, List.of()), new ReplHistory(null)));
        }
        typist.join();
        assertEquals(List.of("(core/kv/get b)"), sent, "the first form was dropped, the REPL went on");
        assertTrue(out.toString().contains(ReplLoop.DROPPED), out.toString());
    }

    @Test
    void shouldStillReadLinesOnADumbTerminal() throws Exception
    {
        final byte[] typed = "(core/kv/get b)\n(core/kv/get\n c)\n".getBytes(StandardCharsets.UTF_8);
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new ByteArrayInputStream(typed),
            new ByteArrayOutputStream(), StandardCharsets.UTF_8))
        {
            assertEquals(SxsCli.EXIT_OK, loop(ReplInput.jline(terminal, List.of("(earlier)")), new ReplHistory(null)));
        }
        assertEquals(List.of("(core/kv/get b)", "(core/kv/get\n c)"), sent);
        assertTrue(Files.notExists(dir.resolve("history")));
    }
}
