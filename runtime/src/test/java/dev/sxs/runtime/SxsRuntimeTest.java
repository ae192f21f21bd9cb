package dev.sxs.runtime;

import dev.sxs.kv.DataFolderLockedException;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Printer;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SxsRuntimeTest
{
    private static Config config(final Map<String, String> settings)
    {
        return Config.defaults().with(settings);
    }

    @Test
    void shouldEvaluateAgainstAnInMemoryStore()
    {
        final List<String> log = new CopyOnWriteArrayList<>();
        try (SxsRuntime runtime = SxsRuntime.start(config(Map.of("kv.entries", "1000")), (s, line) -> log.add(line)))
        {
            assertNull(runtime.store().file());
            assertEquals(List.of(SymValue.TRUE, IntValue.of(5), SymValue.TRUE),
                runtime.eval("(core/kv/set counter 5) (core/kv/get counter) (core/util/log \"hi\" counter)", ""));
            assertEquals(List.of("hi counter"), log);
        }
    }

    @Test
    void shouldPersistAcrossRestartsWithADataFolder(@TempDir final Path data)
    {
        final Config config = config(Map.of("data", data.toString(), "kv.entries", "1000"));
        try (SxsRuntime runtime = SxsRuntime.start(config, LogSink.NONE))
        {
            runtime.eval("(core/kv/set name \"Alice\") (core/kv/incr visits) (core/kv/set list '(a [1 2.5]))", "");
            runtime.eval("(core/kv/set counter 7)", "task:001:");
        }
        try (SxsRuntime runtime = SxsRuntime.start(config, LogSink.NONE))
        {
            assertEquals("\"Alice\" 1 (a [1 2.5]) @\"key not found: counter\" 7", print(runtime.eval(
                "(core/kv/get name) (core/kv/get visits) (core/kv/get list) (core/kv/get counter) (core/kv/get "
                    + "task:001:counter)", "")));
            assertEquals(List.of(IntValue.of(7)), runtime.eval("(core/kv/get counter)", "task:001:"));
        }
    }

    @Test
    void shouldRefuseASecondRuntimeOnTheSameDataFolder(@TempDir final Path data)
    {
        final Config config = config(Map.of("data", data.toString(), "kv.entries", "1000"));
        try (SxsRuntime runtime = SxsRuntime.start(config, LogSink.NONE))
        {
            assertThrows(DataFolderLockedException.class, () -> SxsRuntime.start(config, LogSink.NONE));
            assertEquals(List.of(SymValue.TRUE), runtime.eval("(core/kv/set still ok)", ""));
        }
    }

    @Test
    void shouldRefuseASecondRuntimeOnTheSameJournalFolder(@TempDir final Path dir) throws Exception
    {
        final Path journal = dir.resolve("shared-journal");
        final Config first = config(Map.of("data", dir.resolve("a").toString(), "journal.dir", journal.toString(),
            "kv.entries", "1000"));
        final Config second = config(Map.of("data", dir.resolve("b").toString(), "journal.dir", journal.toString(),
            "kv.entries", "1000"));
        try (SxsRuntime runtime = SxsRuntime.start(first, LogSink.NONE))
        {
            final DataFolderLockedException ex = assertThrows(DataFolderLockedException.class,
                () -> SxsRuntime.start(second, LogSink.NONE));
            assertEquals("journal folder " + journal.toAbsolutePath() + " is already open in this process (pid "
                + ProcessHandle.current().pid() + "); close the other store or runtime first", ex.getMessage());
            assertEquals(List.of(SymValue.TRUE), runtime.eval("(core/kv/set still ok)", ""));
        }
        try (SxsRuntime runtime = SxsRuntime.start(second, LogSink.NONE))
        {
            assertEquals(List.of(SymValue.TRUE), runtime.eval("(core/kv/set now ok)", ""));
        }
    }

    @Test
    void shouldSayClearlyThatADataPathIsAFile(@TempDir final Path dir) throws Exception
    {
        final Path file = java.nio.file.Files.writeString(dir.resolve("not-a-folder"), "x");
        final RuntimeException ex = assertThrows(RuntimeException.class, () -> SxsRuntime.start(
            config(Map.of("data", file.toString(), "kv.entries", "1000")), LogSink.NONE));
        assertEquals("data folder " + file.toAbsolutePath() + " is a file, not a folder", ex.getMessage());
    }

    @Test
    void shouldUseTheConfiguredScopeWhenNoneIsGiven()
    {
        try (SxsRuntime runtime = SxsRuntime.start(config(Map.of("scope", "app:", "kv.entries", "1000")), LogSink.NONE))
        {
            runtime.eval("(core/kv/set k \"v\")", null);
            assertEquals(List.of(new StrValue("v")), runtime.eval("(core/kv/get app:k)", ""));
            assertEquals(List.of(new StrValue("v")), runtime.eval("(core/kv/get k)", "app:"));
        }
    }

    @Test
    void shouldAnswerWithAnErrorAfterClose()
    {
        final SxsRuntime runtime = SxsRuntime.start(config(Map.of("kv.entries", "1000")), LogSink.NONE);
        runtime.close();
        runtime.close();
        assertEquals(List.of(new ErrorValue("runtime is closed")), runtime.eval("(core/kv/get k)", ""));
    }

    @Test
    void shouldTurnAValueTooLargeForTheStoreIntoAnErrorValueAboutItsSize()
    {
        try (SxsRuntime runtime = SxsRuntime.start(config(Map.of("kv.entries", "1", "kv.valueBytes", "8", "kv.keyBytes",
            "8")), LogSink.NONE))
        {
            final String big = "x".repeat(1 << 20);
            final Value result = runtime.eval("(core/kv/set k \"" + big + "\")", "").get(0);
            assertEquals(true, result instanceof ErrorValue e
                && e.message().startsWith("value too large: key 'k' has a value of 1048578 bytes"),
                () -> Printer.print(result).substring(0, 200));
            assertEquals(List.of(SymValue.TRUE), runtime.eval("(core/kv/set small 1)", ""));
        }
    }

    /**
     * A script submitted last publishes events whose handlers are still queued when close() starts:
     * close drains them (handlers finish, their writes land in the store, the events in the journal)
     * before it closes the store and journal, and leaves no sxs- thread behind.
     */
    @Test
    void shouldDrainHandlersBeforeClosingStoreAndJournalAndLeaveNoSxsThread(@TempDir final Path data) throws Exception
    {
        final Config config = config(Map.of("data", data.toString(), "kv.entries", "1000", "events.workers", "1"));
        final SxsRuntime runtime = SxsRuntime.start(config, LogSink.NONE);
        assertEquals(List.of(SymValue.TRUE),
            runtime.submit("(core/event/sub C 3 { (core/kv/incr handled) (core/kv/set last $data) })", 0)
            .get(30, java.util.concurrent.TimeUnit.SECONDS));
        final StringBuilder publish = new StringBuilder();
        for (int i = 1; i <= 200; i++)
        {
            publish.append("(core/event/pub C 3 ").append(i).append(")\n");
        }
        // not waited for: close() must let the script and every handler it causes finish
        final java.util.concurrent.CompletableFuture<List<Value>> last = runtime.submit(publish.toString(), 1);
        runtime.close();
        assertEquals(200, last.getNow(List.of()).size(), "the submitted script ran to its end before close returned");
        assertEquals(List.of(), liveSxsThreads());
        try (SxsRuntime reopened = SxsRuntime.start(config, LogSink.NONE))
        {
            assertEquals(List.of(IntValue.of(200), IntValue.of(200)),
                reopened.eval("(core/kv/get handled) (core/kv/get last)", ""));
            assertEquals(1 + 1 + 200, reopened.journal().info().records(), "two scripts and 200 events journaled");
        }
        assertEquals(List.of(), liveSxsThreads());
    }

    private static List<String> liveSxsThreads()
    {
        final List<String> names = new java.util.ArrayList<>();
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (t.isAlive() && t.getName().startsWith("sxs-"))
            {
                names.add(t.getName());
            }
        }
        return names;
    }

    private static String print(final List<Value> values)
    {
        final StringBuilder out = new StringBuilder();
        for (final Value v : values)
        {
            if (out.length() > 0)
            {
                out.append(' ');
            }
            out.append(Printer.print(v));
        }
        return out.toString();
    }
}
