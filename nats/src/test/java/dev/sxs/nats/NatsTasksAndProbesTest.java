package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.sxs.nats.Scripts.awaitValue;
import static dev.sxs.nats.Scripts.eval;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sxs.events.Channel;
import dev.sxs.lang.probe.ProbeOptions;
import dev.sxs.lang.probe.ProbeSpec;
import dev.sxs.probe.ActiveProbe;
import dev.sxs.probe.ProbeDrain;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.task.TaskInfo;

/**
 * Durable tasks and probes on {@code backend=nats}, with runtimes in one JVM (each its own connections, as a JVM
 * of its own would have): a task's frame lives in the bucket, so another runtime reads it and a runtime started
 * on the bucket after the task's runtime stopped resumes it; a probe's call published in one runtime runs a
 * handler in another. With several runtimes on the bucket, each task runs in the one that owns it, and ids come from
 * the bucket's counter (docs/scale-out.md, "Tasks and probes").
 */
class NatsTasksAndProbesTest
{
    @RegisterExtension
    static final ClusterExtension NATS = new ClusterExtension(1);

    @Test
    void shouldKeepATasksFrameInTheBucketAndResumeItInAnotherRuntime() throws Exception
    {
        try (SxsRuntime one = NATS.runtime("tasks"))
        {
            assertEquals("true", eval(one, "(core/fn/def add (x y) {(core/kv/set local:sum (core/math/add $x $y)) "
                + "(core/task/sleep 1500) (core/kv/set local:sum (core/math/add (core/kv/get local:sum) 1)) "
                + "(core/kv/get local:sum)})"));
            assertEquals("1", eval(one, "(core/task/spawn add 10 20)"));
            awaitValue(one, "(core/kv/get task:1:state)", "\"waiting\"");
        }
        // the first runtime is gone while its task sleeps: the frame is in the bucket, and the next runtime on it
        // recovers the task at start and runs it on from the step after the sleep
        try (SxsRuntime two = NATS.runtime("tasks"))
        {
            assertEquals("30", eval(two, "(core/kv/get task:1:local:sum)"));
            awaitValue(two, "(core/kv/get task:1:state)", "\"done\"");
            assertEquals("31 [1 \"done\" 4 add 31]", eval(two, "(core/kv/get task:1:result) (core/task/status 1)"));
        }
    }

    @Test
    void shouldRunEachTaskInOneRuntimeWithIdsUniqueAcrossRuntimes() throws Exception
    {
        try (SxsRuntime one = NATS.runtime("owners"); SxsRuntime two = NATS.runtime("owners"))
        {
            assertEquals("true", eval(one, "(core/fn/def count () {(core/kv/incr local:n) (core/task/sleep 500) "
                + "(core/kv/incr local:n) (core/kv/get local:n)})"));
            assertEquals("1", eval(one, "(core/task/spawn count)"));
            assertEquals("2", eval(two, "(core/task/spawn count)"), "the id counter is the bucket's");
            try (SxsRuntime late = NATS.runtime("owners"))
            {
                // started while both tasks sleep: their owners are alive, so it takes neither, but lists both
                assertEquals(List.of(), late.tasks().list(null, null, 0, 10));
                assertEquals("[1 2]", eval(late, "(core/task/list all)"));
            }
            awaitValue(one, "(core/kv/get task:1:state)", "\"done\"");
            awaitValue(two, "(core/kv/get task:2:state)", "\"done\"");
            // each step committed once: a task run by two runtimes would count more
            assertEquals("2 2", eval(one, "(core/kv/get task:1:result) (core/kv/get task:2:result)"));
            assertEquals(List.of(1L), one.tasks().list(null, null, 0, 10).stream().map(TaskInfo::id).toList());
            assertEquals(List.of(2L), two.tasks().list(null, null, 0, 10).stream().map(TaskInfo::id).toList());
            assertEquals("[1 2] [1 2]", eval(one, "(core/task/list all)") + " " + eval(two, "(core/task/list all)"));
        }
    }

    @Test
    void shouldRunAHandlerInAnotherRuntimeForAProbesCall() throws Exception
    {
        try (SxsRuntime probed = NATS.runtime("probes"); SxsRuntime handling = NATS.runtime("probes");
            ProbeDrain drain = new ProbeDrain(probed.threads()))
        {
            drain.start();
            assertEquals("true", eval(handling, "(core/event/sub A 1 {(core/kv/set last $data)})"));
            final ActiveProbe probe = new ActiveProbe(new ProbeSpec("com.shop.Orders", "place", Channel.A, 1,
                ProbeOptions.parse(""), 7, ""), probed.gateway(), drain);
            assertTrue(probe.enter() != ActiveProbe.SKIP);
            probe.publish("com.shop.Orders", "place", new Object[] {"book", 2}, 4, null, 99, System.nanoTime());
            awaitValue(probed, "(core/kv/exists last)", "true");
            assertEquals("[\"com.shop.Orders\" \"place\" [\"book\" 2] 4 99 \"" + Thread.currentThread().getName()
                + "\"]", eval(handling, "(core/kv/get last)"));
            assertTrue(drain.awaitDelivered(10_000));
            assertEquals(1, probe.info(1).published());
        }
    }
}
