package dev.sxs.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step's commit with its redo record kept for the next step: how many store writes it takes, and what a crash
 * leaves, including one that makes the store drop an entry whose overwrite it cut short (store.md: a recovered
 * copy loses an entry whose checksum no longer matches).
 */
class FramesTest
{
    private static SxsRuntime start(final Path data)
    {
        return SxsRuntime.start(Config.defaults().with(Map.of("data", data.toString(), "kv.entries", "10000")),
            LogSink.NONE);
    }

    @Test
    void shouldCommitAStepOfOneWriteInThreeStoreWritesWhenItsRecordIsKept(@TempDir final Path data)
    {
        try (SxsRuntime runtime = start(data))
        {
            final KvStore frame = runtime.store().scoped("f:");
            frame.put(Frames.PC, "4");
            Frames.commitStep(new CrashingStore(frame, 3), 5, Map.of("local:n", "1"), List.of());
            assertEquals("5", frame.get(Frames.PC));
            assertEquals("1", frame.get("local:n"));
            assertEquals("5\nP7:local:n1:1", frame.get(Frames.REDO));
            Frames.commitStep(new CrashingStore(frame, 3), 6, Map.of("local:n", "2"), List.of());
            assertEquals("6\nP7:local:n1:2", frame.get(Frames.REDO));
            Frames.settle(new CrashingStore(frame, 1));
            assertNull(frame.get(Frames.REDO));
            Frames.commit(new CrashingStore(frame, 4), 7, Map.of("local:n", "3"), List.of());
            assertEquals("7", frame.get(Frames.PC));
            assertEquals("3", frame.get("local:n"));
            assertNull(frame.get(Frames.REDO));
        }
    }

    @Test
    void shouldApplyAKeptRecordAgainWhenTheStoreDroppedAKeyItsStepOverwrote(@TempDir final Path data)
    {
        try (SxsRuntime runtime = start(data))
        {
            final KvStore frame = runtime.store().scoped("f:");
            frame.put(Frames.PC, "4");
            frame.put("local:n", "0");
            Frames.commitStep(frame, 5, Map.of("local:n", "1"), List.of());
            Frames.commitStep(frame, 6, Map.of("local:n", "2"), List.of());
            // a crash cut the next step's overwrite of pc short and the recovered store dropped the entry
            frame.remove(Frames.PC);
            assertTrue(Frames.recover(frame));
            assertEquals("6", frame.get(Frames.PC));
            assertEquals("2", frame.get("local:n"));
            assertNull(frame.get(Frames.REDO));
        }
    }

    @Test
    void shouldLeaveTheLastCommitWholeWhenTheStoreDroppedTheRecordsOverwrite(@TempDir final Path data)
    {
        try (SxsRuntime runtime = start(data))
        {
            final KvStore frame = runtime.store().scoped("f:");
            frame.put(Frames.PC, "4");
            Frames.commitStep(frame, 5, Map.of("local:n", "1"), List.of());
            // the next step's overwrite of the record was cut short: the recovered store dropped the record
            frame.remove(Frames.REDO);
            assertFalse(Frames.recover(frame));
            assertEquals("5", frame.get(Frames.PC));
            assertEquals("1", frame.get("local:n"));
        }
    }

    @Test
    void shouldApplyAllOfAKeptRecordsStepAfterACrashBetweenItsWrites(@TempDir final Path data)
    {
        try (SxsRuntime runtime = start(data))
        {
            final KvStore frame = runtime.store().scoped("f:");
            frame.put(Frames.PC, "4");
            frame.put("local:gone", "1");
            assertThrows(IllegalStateException.class, () -> Frames.commitStep(new CrashingStore(frame, 2), 5,
                Map.of("local:a", "1", "local:b", "2"), List.of("local:gone")));
            assertEquals("4", frame.get(Frames.PC));
            assertTrue(Frames.recover(frame));
            assertEquals("5", frame.get(Frames.PC));
            assertEquals("1", frame.get("local:a"));
            assertEquals("2", frame.get("local:b"));
            assertNull(frame.get("local:gone"));
            assertNull(frame.get(Frames.REDO));
        }
    }
}
