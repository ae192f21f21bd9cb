package dev.sxs.it.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.it.ForkedJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments (0 to 3 s after the host is ready, or 0 to 0.5 s after it has spawned every
 * task, in turn) while 10,000 durable tasks of five steps each run in a forked host ({@link TaskHostMain}); after the
 * kills a last start lets every task finish and checks each frame: state done, every step's increment of
 * {@code local:n} applied exactly once, no task lost. Kill rounds:
 * {@code -Dsxs.it.taskRounds=N} (3 by default; 50 by hand), tasks {@code -Dsxs.it.tasks}, steps
 * {@code -Dsxs.it.taskSteps}, the random seed {@code -Dsxs.it.taskSeed}.
 */
class TaskKillIT
{
    private static final int ROUNDS = Integer.getInteger("sxs.it.taskRounds", 3);
    private static final int TASKS = Integer.getInteger("sxs.it.tasks", 10_000);
    private static final int STEPS = Integer.getInteger("sxs.it.taskSteps", 5);
    private static final long SEED = Long.getLong("sxs.it.taskSeed", System.nanoTime());
    private static final int MAX_KILL_DELAY_MILLIS = 3000;
    private static final String END = "\u0000end";

    @Test
    void shouldFinishEveryTaskWithEachStepAppliedOnceAfterKillsAtRandomMoments(@TempDir final Path dir)
        throws Exception
    {
        final Random random = new Random(SEED);
        final Path data = dir.resolve("data");
        int lastDone = 0;
        int killedBeforeAllDone = 0;
        for (int round = 0; round < ROUNDS; round++)
        {
            try (ForkedJvm host = start(data, dir.resolve("round-" + round + ".err")))
            {
                final BlockingQueue<String> lines = lines(host);
                // even rounds are killed while the host may still be spawning, odd ones while the tasks run
                final String from = round % 2 == 0 ? "ready " : "spawned ";
                String line = next(lines, host);
                while (!line.startsWith(from))
                {
                    line = next(lines, host);
                }
                // after the last spawn the tasks finish within a second or two: kill sooner there
                final int delay = random.nextInt(round % 2 == 0 ? MAX_KILL_DELAY_MILLIS : MAX_KILL_DELAY_MILLIS / 6);
                final long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
                boolean finished = false;
                for (String l = lines.poll(); System.nanoTime() < killAt; l = lines.poll(1, TimeUnit.MILLISECONDS))
                {
                    if (l != null && l.startsWith("done "))
                    {
                        lastDone = Integer.parseInt(l.substring(5));
                        finished = lastDone == TASKS;
                    }
                    assertTrue(l == null || !l.startsWith("bad"), l + "; seed " + SEED);
                }
                host.kill9();
                killedBeforeAllDone += finished ? 0 : 1;
            }
        }
        try (ForkedJvm host = start(data, dir.resolve("last.err")))
        {
            final BlockingQueue<String> lines = lines(host);
            String line = next(lines, host);
            while (!line.startsWith("verified") && !line.startsWith("bad"))
            {
                line = next(lines, host);
            }
            assertEquals("verified " + TASKS, line, "seed " + SEED + "; stderr:\n" + host.stderr());
        }
        System.out.printf("TaskKillIT: %d kill rounds (%d before all tasks were done, %d done at the last kill), "
            + "%d tasks of %d steps, all verified; seed %d%n", ROUNDS, killedBeforeAllDone, lastDone, TASKS, STEPS,
            SEED);
    }

    private static ForkedJvm start(final Path data, final Path stderr) throws IOException
    {
        return ForkedJvm.start(TaskHostMain.class, stderr, data.toString(), Integer.toString(TASKS),
            Integer.toString(STEPS));
    }

    private static String next(final BlockingQueue<String> lines, final ForkedJvm host) throws InterruptedException
    {
        final String line = lines.poll(3, TimeUnit.MINUTES);
        assertNotNull(line, "no output from the host for 3 minutes; stderr:\n" + host.stderr());
        assertTrue(!END.equals(line), "the host ended; stderr:\n" + host.stderr());
        return line;
    }

    private static BlockingQueue<String> lines(final ForkedJvm child)
    {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        SxsThreadFactory.create().newThread(() ->
        {
            try
            {
                for (String line = child.readLine(); line != null; line = child.readLine())
                {
                    lines.add(line);
                }
            }
            catch (final IOException ex)
            {
                lines.add("stdout failed: " + ex);
            }
            finally
            {
                lines.add(END);
            }
        }, "sxs-it-host-stdout").start();
        return lines;
    }
}
