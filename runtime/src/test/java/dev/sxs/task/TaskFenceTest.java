package dev.sxs.task;

import static dev.sxs.task.Tasks.awaitState;
import static dev.sxs.task.Tasks.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxs.entity.EventGrant;
import dev.sxs.entity.ScopeGrant;
import dev.sxs.gateway.EntityChecks;
import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lease fence on the commits that are not a step's own (docs/tasks.md, "Several JVMs on one store"): a runtime
 * on a shared store whose lease has lapsed (its renewals fail; no other runtime has declared it dead, so its tasks
 * are not released) writes nothing to a task's frame: not a resume or a cancel (they become requests for the owner),
 * not the end of a wait, not the end of a task its entity may no longer run. Each task stays where it was and goes on
 * once the lease is back.
 */
class TaskFenceTest
{
    private static final String HOLD = "(core/fn/def hold () {(core/task/yield) (core/kv/incr local:r)})";

    private final StallingStore store = new StallingStore(ChronicleKvStore.open(KvOptions.inMemory(10_000)));
    // backend=nats makes the leases shared; the store is the test's, so no server is reached
    private final SxsRuntime runtime = SxsRuntime.start(Config.parse(Map.of("backend", "nats",
        "tasks.leaseMillis", "600", "tasks.leaseRenewMillis", "100")), store, LogSink.NONE);

    @AfterEach
    void close()
    {
        runtime.close();
        store.close();
    }

    /** Stop the renewals and wait (bounded) until the lease is no longer held. */
    private void lapse()
    {
        store.stall(true);
        awaitTrue(() -> !runtime.tasks().leases.held(), "the lease lapses");
    }

    /** Let the renewals through again and wait (bounded) until the lease is held. */
    private void renew()
    {
        store.stall(false);
        awaitTrue(() -> runtime.tasks().leases.held(), "the lease is held again");
    }

    private static void awaitTrue(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() < deadline, "never: " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    private String frame(final String scope, final long id, final String key)
    {
        return store.get(scope + "task:" + id + ":" + key);
    }

    @Test
    void shouldLeaveAResumeToTheOwnerWhileTheLeaseHasLapsed()
    {
        expect(runtime, HOLD, "true");
        expect(runtime, "(core/task/spawn hold)", "1");
        awaitState(runtime, 1, "paused");
        lapse();
        expect(runtime, "(core/task/resume 1)", "true");
        assertEquals("\"paused\"", frame("", 1, Frames.STATE), "nothing written while the lease has lapsed");
        assertEquals("0", frame("", 1, Frames.PC));
        assertEquals(List.of(ControlRequests.PREFIX + "1:resume:paused:0"),
            store.keys(ControlRequests.PREFIX, 0, 10), "a request for whoever holds the lease next");
        renew();
        awaitState(runtime, 1, "done");
        expect(runtime, "(core/kv/get task:1:local:r)", "1");
    }

    @Test
    void shouldLeaveACancelToTheOwnerWhileTheLeaseHasLapsed()
    {
        expect(runtime, HOLD, "true");
        expect(runtime, "(core/task/spawn hold)", "1");
        awaitState(runtime, 1, "paused");
        lapse();
        assertEquals(ControlOutcome.REQUESTED, runtime.clusterTasks().cancel(1));
        assertEquals("\"paused\"", frame("", 1, Frames.STATE), "nothing written while the lease has lapsed");
        assertEquals(List.of(ControlRequests.PREFIX + "1:cancel"), store.keys(ControlRequests.PREFIX, 0, 10));
        renew();
        awaitState(runtime, 1, "cancelled");
    }

    @Test
    void shouldNotCommitTheEndOfAWaitWhileTheLeaseHasLapsed()
    {
        expect(runtime, "(core/fn/def pay () {(core/task/await A 3 local:got) (core/kv/get local:got)})", "true");
        expect(runtime, "(core/task/spawn pay)", "1");
        awaitState(runtime, 1, "waiting");
        lapse();
        expect(runtime, "(core/event/pub A 3 \"card\")", "true");
        final Task task = runtime.tasks().task(1);
        awaitTrue(() ->
        {
            synchronized (task)
            {
                return task.woken;
            }
        }, "the event wakes the task");
        synchronized (task)
        {
            // what the step script that commits a wake-up does once it passed its check of the lease
            assertFalse(new Steps(runtime.tasks()).commitWake(task), "refused: the lease has lapsed");
        }
        assertEquals("\"waiting\"", frame("", 1, Frames.STATE));
        assertEquals("0", frame("", 1, Frames.PC));
        assertNull(frame("", 1, "local:got"), "the payload is not written either");
        renew();
        awaitState(runtime, 1, "done");
        expect(runtime, "(core/kv/get task:1:result)", "\"card\"");
    }

    @Test
    void shouldNotEndATaskRefusedInARunOfInlineStepsWhileTheLeaseHasLapsed() throws Exception
    {
        runtime.entities().create("shop-a");
        runtime.entities().change("shop-a", e -> e.withHome("shop-a:").with(ScopeGrant.parse("RW", "shop-a:"))
            .with(EventGrant.parse("PS", "A:1-9")));
        // step 0 waits for an event (the body runs once the await listens); step 1 touches nothing an entity needs
        runtime.eval("(core/fn/def gate () {(core/expr/await {(core/task/shared {(core/kv/set started 1)})} A 1) "
            + "(core/str/concat \"a\" \"b\")})", "shop-a:");
        final AtomicBoolean first = new AtomicBoolean(true);
        final AtomicInteger denials = new AtomicInteger();
        runtime.gateway().auditTo((who, action, detail) ->
        {
            if (EntityChecks.DENIED.equals(action))
            {
                if (first.getAndSet(false))
                {
                    lapse(); // the lease lapses right as the inline check refuses step 1, before the task's end
                }
                denials.incrementAndGet();
            }
        });
        final List<Value> spawned = runtime.gateway().submit(ScriptSubmission.of("(core/task/spawn gate)",
            Principal.jmx("shop-a"), "Runtime.eval", SessionRequest.fresh("shop-a:"))).get(10, TimeUnit.SECONDS);
        final long id = ((IntValue)spawned.get(0)).value();
        Tasks.awaitKey(runtime, "shop-a:started", "1");
        runtime.entities().change("shop-a", e -> e.without(ScopeGrant.parse("RW", "shop-a:")));
        runtime.eval("(core/event/pub A 1 \"go\")", "shop-a:");
        // the inline refusal, then the step script submitted after it, refused by the gateway, and its retry
        awaitTrue(() -> denials.get() >= 3 || runtime.tasks().info(id).state().ended(), "three refusals");
        assertEquals("\"running\"", frame("shop-a:", id, Frames.STATE), "not ended while the lease has lapsed");
        assertEquals("1", frame("shop-a:", id, Frames.PC), "step 0 committed before the lapse");
        assertNull(frame("shop-a:", id, Frames.ERROR));
        renew();
        awaitTrue(() -> runtime.tasks().info(id).state().ended(), "the task ends");
        final TaskInfo info = runtime.tasks().info(id);
        assertEquals(TaskState.FAILED, info.state(), info.line());
        assertEquals(new StrValue("entity 'shop-a' may not use scope 'shop-a:'"), info.end());
        assertEquals(1, info.pc(), "step 1 never ran");
    }
}
