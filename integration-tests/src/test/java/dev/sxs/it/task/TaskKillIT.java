package dev.sxs.it.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxs.it.ChildLines;
import dev.sxs.it.ForkedJvm;
import dev.sxs.it.agent.Jdk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments while 10,000 durable tasks of several steps each run in a forked host
 * ({@link TaskHostMain}); after the kills a last start lets every task finish and checks each frame: state done,
 * every step's increment of {@code local:n} applied exactly once, no task lost. The host reports the steps
 * committed so far ({@code progress}) every 50 ms from the moment it has recovered, while it still spawns. Round 0
 * is killed as soon as a report shows a first step committed (early: the host still spawns, thousands of tasks
 * run); every tenth round, from round 1, is killed 0 to 3 s after the host is ready (while it may still recover
 * or spawn); every other round once the steps committed pass a random target between those committed at its
 * start and a share of the work left, the share sized by the rounds left (so the kills spread over the whole run
 * and the last rounds still find work). The test asserts that at least one kill landed while steps were in
 * flight by the last report before it (round 0's does unless the host is far faster than any seen), so it cannot
 * pass without killing work. Each start must recover at least the steps the last report before the kill showed
 * committed (a committed step is never lost). Kill rounds: {@code -Dsxs.it.taskRounds=N} (3 by default; 50 by
 * hand), tasks {@code -Dsxs.it.tasks}, steps {@code -Dsxs.it.taskSteps}, the random seed
 * {@code -Dsxs.it.taskSeed}. The hosts run on the JDK running the tests and on Temurin 25 in turn (round 0 on the
 * first), over the same data folder, so each JDK recovers what the other left.
 */
class TaskKillIT
{
    private static final int ROUNDS = Integer.getInteger("sxs.it.taskRounds", 3);
    private static final int TASKS = Integer.getInteger("sxs.it.tasks", 10_000);
    private static final int STEPS = Integer.getInteger("sxs.it.taskSteps", 5);
    private static final long SEED = Long.getLong("sxs.it.taskSeed", System.nanoTime());
    private static final int MAX_KILL_DELAY_MILLIS = 3000;
    private static final long WORK = (long)TASKS * STEPS;

    /** What the last report before a kill said. */
    private long committed;
    private long running;

    @Test
    void shouldFinishEveryTaskWithEachStepAppliedOnceAfterKillsAtRandomMoments(@TempDir final Path dir)
        throws Exception
    {
        final Random random = new Random(SEED);
        final Path data = dir.resolve("data");
        int inFlight = 0;
        for (int round = 0; round < ROUNDS; round++)
        {
            try (ForkedJvm host = start(round, data, dir.resolve("round-" + round + ".err")))
            {
                final ChildLines lines = host.lines();
                final long recovered = recovered(lines);
                assertTrue(recovered >= committed, "round " + round + " recovered " + recovered
                    + " committed steps, the last report before the kill showed " + committed + "; seed " + SEED);
                committed = recovered;
                running = 0;
                if (round % 10 == 1)
                {
                    final long killAt = System.nanoTime()
                        + TimeUnit.MILLISECONDS.toNanos(random.nextInt(MAX_KILL_DELAY_MILLIS));
                    while (System.nanoTime() < killAt)
                    {
                        read(lines.poll(1, TimeUnit.MILLISECONDS));
                    }
                }
                else
                {
                    final long target = target(round, random);
                    final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                    while (committed < target && committed < WORK)
                    {
                        assertTrue(System.nanoTime() < deadline, "round " + round + ": " + committed + " steps of "
                            + target + " in 3 minutes; stderr:\n" + host.stderr());
                        read(lines.next(3, TimeUnit.MINUTES));
                    }
                }
                host.kill9();
                inFlight += committed < WORK && running > 0 ? 1 : 0;
                System.out.printf("TaskKillIT round %d: recovered %d steps, killed at %d of %d (%d tasks running)%n",
                    round, recovered, committed, WORK, running);
            }
        }
        try (ForkedJvm host = start(ROUNDS, data, dir.resolve("last.err")))
        {
            final ChildLines lines = host.lines();
            final long recovered = recovered(lines);
            assertTrue(recovered >= committed, "the last start recovered " + recovered + " committed steps, the "
                + "last report before the kill showed " + committed + "; seed " + SEED);
            String line = lines.next(3, TimeUnit.MINUTES);
            while (!line.startsWith("verified") && !line.startsWith("bad"))
            {
                line = lines.next(3, TimeUnit.MINUTES);
            }
            assertEquals("verified " + TASKS, line, "seed " + SEED + "; stderr:\n" + host.stderr());
        }
        assertTrue(inFlight > 0, "no kill landed while steps were in flight; seed " + SEED);
        System.out.printf("TaskKillIT: %d kill rounds (%d while steps were in flight by the last report), "
            + "%d tasks of %d steps, all verified; seed %d%n", ROUNDS, inFlight, TASKS, STEPS, SEED);
    }

    /**
     * The steps committed at which an aimed round is killed: round 0 at the first committed step; a later one
     * at a random point within an even share of the work left (the work left over the rounds left, half that on
     * average), so that the run-ahead of each start (its tasks run before its first report, and on until the
     * kill) still leaves work for the rounds after it.
     */
    private long target(final int round, final Random random)
    {
        final long left = WORK - committed;
        if (round == 0 || left <= 1)
        {
            return committed + 1;
        }
        return committed + 1 + Math.floorMod(random.nextLong(), Math.min(left - 1, left / (ROUNDS - round + 1) + 1));
    }

    /** Take in one line of the host's (null: none yet): a progress report, or a failure. */
    private void read(final String line)
    {
        if (line == null)
        {
            return;
        }
        assertTrue(!line.startsWith("bad"), line + "; seed " + SEED);
        if (line.startsWith("progress "))
        {
            final String[] parts = line.split(" ");
            final long now = Long.parseLong(parts[1]);
            assertTrue(now >= committed, "the steps committed went back from " + committed + " to " + now);
            committed = now;
            running = Long.parseLong(parts[2]);
        }
    }

    /** @return the steps a start recovered, from its {@code recovered N} line. */
    private static long recovered(final ChildLines lines) throws InterruptedException
    {
        return Long.parseLong(lines.awaitLine("recovered ", 3, TimeUnit.MINUTES).substring("recovered ".length()));
    }

    /** Round N's host: on the JDK running the tests and on Temurin 25 (where present) in turn. */
    private static ForkedJvm start(final int round, final Path data, final Path stderr) throws IOException
    {
        final List<Jdk> jdks = Jdk.all().filter(jdk -> Files.isExecutable(jdk.java())).toList();
        return ForkedJvm.start(jdks.get(round % jdks.size()), TaskHostMain.class, stderr, data.toString(),
            Integer.toString(TASKS), Integer.toString(STEPS));
    }
}
