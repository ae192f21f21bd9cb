package dev.sxs.it.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.sxs.it.ChildLines;
import dev.sxs.it.ForkedJvm;
import dev.sxs.it.agent.Jdk;
import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;
import net.openhft.chronicle.hash.impl.BigSegmentHeader;
import net.openhft.chronicle.hash.impl.VanillaChronicleHash;
import net.openhft.chronicle.map.ChronicleMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kill rounds against a host writing to a persisted store, alternating a {@code kill -9} while the host
 * writes with one while it repairs or recovers the store at start. Before such a start the test leaves locks held
 * in {@code store.dat}, since a store whose killed owner held no lock opens as it is: every segment's update lock
 * (a write in flight in each), so that the host repairs every segment in place, and the test kills it as soon as
 * the repair's side file {@code store.dat.repair} exists; or, every other time, the global lock too, so that the
 * host recovers a copy, and the test kills it as soon as Chronicle's readiness bit of {@code store.dat} or of its
 * recovery copy says "not complete".
 * Every start verifies that each acknowledged write of all earlier rounds is there, and must open the store
 * within {@link #OPEN_LIMIT_MILLIS}: an interrupted in-place recovery used to make every later start wait
 * 60 s or more; starts take 2-6 s on a quiet machine, and creating or copying the 128 MiB store took up to
 * 20 s at load 30, which the limit leaves room for. Rounds: {@code -Dsxs.it.recoveryRounds=N}, 6 by default; docs/store.md has the full run.
 */
class RecoveryKillIT
{
    private static final int ROUNDS = Integer.getInteger("sxs.it.recoveryRounds", 6);
    private static final long ENTRIES = 1_000_000;
    private static final int ACKS_PER_WRITE_ROUND = 5_000;
    private static final long OPEN_LIMIT_MILLIS = 30_000;
    private static final int ATTEMPTS_PER_RECOVERY_ROUND = 5;

    private Path data;
    private long lastAck = -1;
    private long maxOpenMillis;
    private int recoveryKills;
    private int repairKills;
    private int missed;

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdk.ALL)
    void shouldLoseNoAcknowledgedWriteWhenKilledDuringRecoveryAndDuringWrites(final Jdk jdk,
        @TempDir final Path dir) throws Exception
    {
        jdk.assumePresent();
        data = dir.resolve("data");
        for (int round = 0; round < ROUNDS; round++)
        {
            final Path stderr = dir.resolve("round-" + round + ".err");
            if (round % 2 == 0)
            {
                writeRound(jdk, stderr);
            }
            else
            {
                recoveryRound(jdk, stderr, round % 4 == 1);
            }
        }
        try (ChronicleKvStore store = ChronicleKvStore.open(KvOptions.inMemory(ENTRIES).withFolder(data)))
        {
            for (long i = 0; i <= lastAck; i++)
            {
                assertEquals(Long.toString(i), store.get("w:" + i), "acknowledged write w:" + i);
            }
            assertEquals(store.size(), store.keys("", 0, Integer.MAX_VALUE).size(), "index rebuilt with every key");
        }
        System.out.printf("RecoveryKillIT %s: %d rounds, %d kills during a repair in place, %d during the recovery "
            + "of a copy (%d starts finished before the kill), %d acknowledged writes, 0 lost, slowest open %d ms%n",
            jdk, ROUNDS, repairKills, recoveryKills, missed, lastAck + 1, maxOpenMillis);
    }

    private void writeRound(final Jdk jdk, final Path stderr) throws Exception
    {
        try (ForkedJvm child = start(jdk, stderr))
        {
            final ChildLines lines = child.lines();
            final long target = lastAck + ACKS_PER_WRITE_ROUND;
            while (lastAck < target)
            {
                consume(lines.next(2, TimeUnit.MINUTES), child);
            }
            child.kill9();
            lines.drain(line -> consume(line, child));
        }
    }

    private void recoveryRound(final Jdk jdk, final Path stderr, final boolean repair) throws Exception
    {
        for (int attempt = 0; attempt < ATTEMPTS_PER_RECOVERY_ROUND; attempt++)
        {
            holdLocks(repair);
            try (ForkedJvm child = start(jdk, stderr))
            {
                final ChildLines lines = child.lines();
                final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (!recovering(repair) && lines.isEmpty() && System.nanoTime() < deadline)
                {
                    LockSupport.parkNanos(100_000);
                }
                final boolean caught = lines.isEmpty() && recovering(repair);
                child.kill9();
                lines.drain(line -> consume(line, child));
                if (caught)
                {
                    if (repair)
                    {
                        repairKills++;
                    }
                    else
                    {
                        recoveryKills++;
                    }
                    return;
                }
                missed++;
            }
        }
        fail("the host finished recovery before the test saw it " + ATTEMPTS_PER_RECOVERY_ROUND + " times in a row");
    }

    /**
     * A killed writer that held no lock of the map leaves a complete file, which the next start opens as it is:
     * leave every segment's update lock held (a write in flight in each, as a writer killed in the middle of its
     * writes leaves in one), so that the start repairs every segment, long enough for the round to kill it while
     * it does; for a copy recovery, leave the global lock held too (a tier being allocated).
     */
    private void holdLocks(final boolean repair) throws IOException
    {
        try (ChronicleMap<String, String> map = ChronicleMap.of(String.class, String.class).entries(ENTRIES)
            .createPersistedTo(data.resolve(ChronicleKvStore.STORE_FILE).toFile()))
        {
            final VanillaChronicleHash<?, ?, ?, ?> hash = (VanillaChronicleHash<?, ?, ?, ?>)map;
            for (int segment = 0; segment < hash.segments(); segment++)
            {
                BigSegmentHeader.INSTANCE.tryUpdateLock(hash.segmentHeaderAddress(segment));
            }
            if (!repair)
            {
                hash.globalMutableStateLock();
            }
        }
    }

    private ForkedJvm start(final Jdk jdk, final Path stderr) throws IOException
    {
        return ForkedJvm.start(jdk, RecoveryWriterMain.class, stderr, data.toString(), Long.toString(ENTRIES),
            Long.toString(lastAck), Long.toString(lastAck + 1));
    }

    private void consume(final String line, final ForkedJvm child)
    {
        if (line.startsWith("ack "))
        {
            lastAck = Math.max(lastAck, Long.parseLong(line.substring(4)));
        }
        else if (line.startsWith("ready "))
        {
            final long millis = Long.parseLong(line.substring(line.indexOf("openMillis=") + "openMillis=".length()));
            maxOpenMillis = Math.max(maxOpenMillis, millis);
            assertTrue(millis <= OPEN_LIMIT_MILLIS, "start took " + millis + " ms to open the store: " + line
                + "; stderr:\n" + child.stderr());
        }
        else if (line.startsWith("lost "))
        {
            fail("acknowledged writes lost (" + (lastAck + 1) + " acknowledged): " + line);
        }
    }

    private boolean recovering(final boolean repair) throws IOException
    {
        if (repair)
        {
            return Files.exists(data.resolve(ChronicleKvStore.STORE_FILE + ".repair"));
        }
        return notComplete(data.resolve(ChronicleKvStore.STORE_FILE))
            || notComplete(data.resolve(ChronicleKvStore.STORE_FILE + ".recovering"));
    }

    /** Chronicle Map's header: a little-endian size word at offset 8 whose top bit means "not complete". */
    private static boolean notComplete(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            return channel.read(word, 8) == 4 && (word.getInt(0) & 0x80000000) != 0;
        }
        catch (final NoSuchFileException ex)
        {
            return false;
        }
    }
}
