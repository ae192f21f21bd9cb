package dev.sxs.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sxs.entity.Entities;
import dev.sxs.entity.EventGrant;
import dev.sxs.entity.ScopeGrant;
import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.lang.ErrorValue;
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
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A task runs with the rights of the entity that spawned it, never more: its steps are checked like that
 * entity's own scripts, and spawning writes a frame, so it needs the write right on the scope.
 */
class TaskEntityTest
{
    private final SxsRuntime runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000")),
        LogSink.NONE);

    TaskEntityTest()
    {
        final Entities entities = runtime.entities();
        entities.create("shop-a");
        entities.change("shop-a", e -> e.withHome("shop-a:").with(ScopeGrant.parse("RW", "shop-a:"))
            .with(EventGrant.parse("PS", "A:1-9")));
        entities.create("viewer");
        entities.change("viewer", e -> e.withHome("shop-a:").with(ScopeGrant.parse("R", "shop-a:")));
        runtime.eval("(core/fn/def leak () {(core/event/pub B 1 \"x\")})", "shop-a:");
    }

    @AfterEach
    void close()
    {
        runtime.close();
    }

    @Test
    void shouldCheckATaskStepAsTheEntityThatSpawnedIt() throws Exception
    {
        final Value id = runAs("shop-a", "(core/task/spawn leak)");
        final TaskInfo info = awaitEnd(((IntValue)id).value());
        assertEquals(TaskState.FAILED, info.state(), info.line());
        assertEquals(new StrValue("entity 'shop-a' may not publish on channel B topic 1"), info.end(),
            "the step ran as shop-a, not as the local root (a failed task keeps its error's message)");
    }

    @Test
    void shouldCheckEachInlineStepAsTheEntityThatSpawnedIt() throws Exception
    {
        // step 0 waits for an event (the body runs once the await listens); step 1 touches nothing an entity needs
        runtime.eval("(core/fn/def gate () {(core/expr/await {(core/task/shared {(core/kv/set started 1)})} A 1) "
            + "(core/str/concat \"a\" \"b\")})", "shop-a:");
        final long id = ((IntValue)runAs("shop-a", "(core/task/spawn gate)")).value();
        Tasks.awaitKey(runtime, "shop-a:started", "1");
        final long denials = runtime.entities().denials();
        runtime.entities().change("shop-a", e -> e.without(ScopeGrant.parse("RW", "shop-a:")));
        runtime.eval("(core/event/pub A 1 \"go\")", "shop-a:");
        final TaskInfo info = awaitEnd(id);
        assertEquals(TaskState.FAILED, info.state(), info.line());
        assertEquals(new StrValue("entity 'shop-a' may not use scope 'shop-a:'"), info.end(),
            "step 1, run inline after step 0's commit, was admitted as a submitted step is");
        assertEquals(1, info.pc(), "step 0 committed, step 1 never ran");
        assertEquals(denials + 1, runtime.entities().denials(), "the denial is counted as the gateway's are");
    }

    @Test
    void shouldRefuseASpawnWithoutTheWriteRight() throws Exception
    {
        assertEquals(new ErrorValue("entity 'viewer' may not write scope 'shop-a:'"),
            runAs("viewer", "(core/task/spawn leak)"));
    }

    private Value runAs(final String entity, final String script) throws Exception
    {
        final List<Value> values = runtime.gateway().submit(ScriptSubmission.of(script, Principal.jmx(entity),
            "Runtime.eval", SessionRequest.fresh("shop-a:"))).get(10, TimeUnit.SECONDS);
        return values.get(values.size() - 1);
    }

    /** Polls the engine, bounded: a task's end has no listener to wait on. */
    private TaskInfo awaitEnd(final long id)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        TaskInfo info = runtime.tasks().info(id);
        while (info == null || !info.state().ended())
        {
            if (System.nanoTime() > deadline)
            {
                fail("task " + id + " never ended: " + (info == null ? "gone" : info.line()));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            info = runtime.tasks().info(id);
        }
        return info;
    }
}
