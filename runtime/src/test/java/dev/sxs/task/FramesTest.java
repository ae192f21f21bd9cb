package dev.sxs.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.core.StoredValues;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit record in {@code pc}: how many store writes a commit takes, and what a crash between them leaves. */
class FramesTest
{
    private static SxsRuntime start(final Path data)
    {
        return SxsRuntime.start(Config.defaults().with(Map.of("data", data.toString(), "kv.entries", "10000")),
            LogSink.NONE);
    }

    @Test
    void shouldCommitAStepOfOneWriteInThreeStoreWritesOrTwoLeavingItsRecordInPc(@TempDir final Path data)
    {
        try (SxsRuntime runtime = start(data))
        {
            final KvStore frame = runtime.store().scoped("f:");
            frame.put(Frames.PC, "4");
            Frames.commit(new CrashingStore(frame, 3), 5, Map.of("local:n", "1"), List.of());
            assertEquals("5", frame.get(Frames.PC));
            assertEquals("1", frame.get("local:n"));
            assertNull(frame.get(Frames.REDO));
            assertTrue(Frames.commitStep(new CrashingStore(frame, 2), 6, Map.of("local:n", "2"), List.of()));
            assertEquals("2", frame.get("local:n"));
            // the record in pc reads as the pc it moves to, for a script and for the engine
            assertEquals(IntValue.of(6), StoredValues.decode(frame.get(Frames.PC)));
            assertEquals(6, Frames.pcOf(frame.get(Frames.PC)));
            assertEquals("6 ;P7:local:n1:2", frame.get(Frames.PC));
            Frames.settle(new CrashingStore(frame, 1), 6);
            assertEquals("6", frame.get(Frames.PC));
            assertFalse(Frames.commitStep(new CrashingStore(frame, 1), 7, Map.of(), List.of()));
            assertEquals("7", frame.get(Frames.PC));
        }
    }

    @Test
    void shouldApplyAWholeRecordLeftInPcByACrashAndNothingOfOneThatCrashedBeforeIt(@TempDir final Path data)
    {
        try (SxsRuntime runtime = start(data))
        {
            final KvStore frame = runtime.store().scoped("f:");
            frame.put(Frames.PC, "4");
            frame.put("local:gone", "1");
            final Map<String, String> puts = new TreeMap<>(Map.of("local:a", "1", "local:b", "2"));
            assertThrows(IllegalStateException.class,
                () -> Frames.commit(new CrashingStore(frame, 0), 5, puts, List.of("local:gone")));
            assertFalse(Frames.recover(frame));
            assertEquals("4", frame.get(Frames.PC));
            assertNull(frame.get("local:a"));
            assertThrows(IllegalStateException.class,
                () -> Frames.commitStep(new CrashingStore(frame, 2), 5, puts, List.of("local:gone")));
            assertNull(frame.get("local:b"));
            assertTrue(Frames.recover(frame));
            assertEquals("5", frame.get(Frames.PC));
            assertEquals("1", frame.get("local:a"));
            assertEquals("2", frame.get("local:b"));
            assertNull(frame.get("local:gone"));
            assertFalse(Frames.recover(frame));
        }
    }

    @Test
    void shouldKeepLineBreaksOfKeysAndValuesInARecordThatStillReadsAsItsPc(@TempDir final Path data)
    {
        try (SxsRuntime runtime = start(data))
        {
            final KvStore frame = runtime.store().scoped("f:");
            final Map<String, String> puts = new TreeMap<>(Map.of("local:x\n;y", "\"a\n;\nb\"", "local:z", "\n"));
            assertThrows(IllegalStateException.class,
                () -> Frames.commitStep(new CrashingStore(frame, 1), 12, puts, List.of("local:\nold")));
            assertEquals(IntValue.of(12), StoredValues.decode(frame.get(Frames.PC)));
            frame.put("local:\nold", "1");
            assertTrue(Frames.recover(frame));
            assertEquals("12", frame.get(Frames.PC));
            assertEquals("\"a\n;\nb\"", frame.get("local:x\n;y"));
            assertEquals("\n", frame.get("local:z"));
            assertNull(frame.get("local:\nold"));
        }
    }

    @Test
    void shouldApplyTheSeparateRedoRecordAnEarlierVersionLeft(@TempDir final Path data)
    {
        try (SxsRuntime runtime = start(data))
        {
            final KvStore frame = runtime.store().scoped("f:");
            frame.put(Frames.PC, "4");
            frame.put("local:gone", "1");
            frame.put(Frames.REDO, "5\nP7:local:a1:1R10:local:gone");
            assertTrue(Frames.recover(frame));
            assertEquals("5", frame.get(Frames.PC));
            assertEquals("1", frame.get("local:a"));
            assertNull(frame.get("local:gone"));
            assertNull(frame.get(Frames.REDO));
        }
    }
}
