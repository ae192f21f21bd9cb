package dev.sxs.task;

import static dev.sxs.task.Tasks.awaitState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static dev.sxs.task.Tasks.expect;

import dev.sxs.lang.LogSink;
import dev.sxs.lang.Printer;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's task tables, literally, and the control commands, on one runtime in memory. */
class TaskEngineTest
{
    private static final String ADD = """
        (core/fn/def add (x y) {
          (core/kv/set local:sum (core/math/add (core/kv/get local:sum) $x))
          (core/kv/set local:sum (core/math/add (core/kv/get local:sum) $y))
          (core/kv/set local:steps 2)
          (core/kv/incr local:steps)
          (core/kv/set local:note "about to pause")
          (core/task/yield)
          (core/kv/set local:after (core/kv/get local:sum))
          (core/kv/set local:sum (core/math/mul (core/kv/get local:sum) 2))
          (core/kv/get local:sum)
        })""";

    private static SxsRuntime start()
    {
        return SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "10000")), LogSink.NONE);
    }

    @Test
    void shouldRunTheSeedsReentrantFunctionFromItsFrameAndResumeItByCas()
    {
        try (SxsRuntime runtime = start())
        {
            expect(runtime, ADD, "true");
            expect(runtime, "(core/task/new fn:abc123: add 10 20)", "1");
            expect(runtime, "(core/kv/set fn:abc123:local:sum 0)", "true");
            // the seed's table before the first step
            expect(runtime, "(core/kv/get fn:abc123:pc)", "0");
            expect(runtime, "(core/kv/get fn:abc123:arg:x)", "10");
            expect(runtime, "(core/kv/get fn:abc123:arg:y)", "20");
            expect(runtime, "(core/kv/get fn:abc123:local:sum)", "0");
            expect(runtime, "(core/kv/get fn:abc123:state)", "\"initialized\"");
            expect(runtime, "(core/task/resume 1)", "true");
            awaitState(runtime, 1, "paused");
            // paused at pc 5 (the yield), local:sum 30, each earlier step applied once
            expect(runtime, "(core/kv/get fn:abc123:pc)", "5");
            expect(runtime, "(core/kv/get fn:abc123:local:sum)", "30");
            expect(runtime, "(core/kv/get fn:abc123:state)", "\"paused\"");
            expect(runtime, "(core/kv/get fn:abc123:local:steps)", "3");
            // resume is a cas of state from "paused" to "running": a tampered state refuses it
            expect(runtime, "(core/kv/set fn:abc123:state \"held\")", "true");
            expect(runtime, "(core/task/resume 1)", "false");
            expect(runtime, "(core/kv/cas fn:abc123:state \"held\" \"paused\")", "true");
            expect(runtime, "(core/task/resume 1)", "true");
            expect(runtime, "(core/task/resume 1)", "false");
            awaitState(runtime, 1, "done");
            // it continued at 6: local:after saw the paused sum, no step before the yield ran again
            expect(runtime, "(core/kv/get fn:abc123:local:after)", "30");
            expect(runtime, "(core/kv/get fn:abc123:local:steps)", "3");
            expect(runtime, "(core/kv/get fn:abc123:result)", "60");
            expect(runtime, "(core/kv/get fn:abc123:pc)", "9");
            expect(runtime, "(core/task/status 1)", "[1 \"done\" 9 add 60]");
        }
    }

    @Test
    void shouldPushChildFramesOnTheStackAndPopThemWithTheirKeys()
    {
        try (SxsRuntime runtime = start())
        {
            expect(runtime, """
                (core/fn/def inner (z) {
                  (core/kv/set local:w (core/math/mul $z 2))
                  (core/list/new (core/task/frame) (core/kv/get arg:z) (core/kv/get local:w))
                })
                (core/fn/def outer (y) {
                  (core/kv/set local:r (core/task/call inner (core/math/add $y 1)))
                  (core/list/new (core/task/frame) (core/kv/get local:r) (core/kv/exists local:w))
                })
                (core/fn/def main (x) {
                  (core/kv/set local:seen (core/task/call outer $x))
                  (core/list/new (core/task/frame) (core/kv/get local:seen))
                })""", "true");
            expect(runtime, "(core/task/spawn main 4)", "1");
            awaitState(runtime, 1, "done");
            expect(runtime, "(core/kv/get task:1:result)",
                "[\"task:1:\" [\"task:1:stack:0:\" [\"task:1:stack:1:\" 5 10] false]]");
            // popped: no key of a child frame is left
            expect(runtime, "(core/kv/iterate \"task:1:stack:\" 0 100 {})", "0");
            expect(runtime, "(core/kv/iterate \"task:1:\" 0 100 {})", "5");
        }
    }

    @Test
    void shouldListByStateAndCancelATask()
    {
        try (SxsRuntime runtime = start())
        {
            expect(runtime, "(core/fn/def hold () {(core/kv/set local:a 1) (core/task/yield) (core/kv/set local:b 2)})",
                "true");
            expect(runtime, "(core/task/spawn hold)", "1");
            expect(runtime, "(core/task/spawn hold)", "2");
            expect(runtime, "(core/task/spawn hold)", "3");
            awaitState(runtime, 1, "paused");
            awaitState(runtime, 2, "paused");
            awaitState(runtime, 3, "paused");
            expect(runtime, "(core/task/list paused)", "[1 2 3]");
            expect(runtime, "(core/task/list paused 1 1)", "[2]");
            expect(runtime, "(core/task/cancel 2)", "true");
            expect(runtime, "(core/task/cancel 2)", "false");
            expect(runtime, "(core/task/resume 2)", "false");
            expect(runtime, "(core/task/list cancelled)", "[2]");
            expect(runtime, "(core/kv/get task:2:state)", "\"cancelled\"");
            expect(runtime, "(core/kv/exists task:2:local:b)", "false");
            expect(runtime, "(core/task/list)", "[1 2 3]");
            expect(runtime, "(core/task/status 9)", "@\"core/task/status: no task 9\"");
            // another scope sees none of them
            expect(runtime, "(core/task/status 1)", "[1 \"paused\" 1 hold]");
            assertEquals("[]", Printer.print(runtime.eval("(core/task/list)", "other:").get(0)));
            assertEquals("@\"core/task/cancel: no task 1\"",
                Printer.print(runtime.eval("(core/task/cancel 1)", "other:").get(0)));
            expect(runtime, "(core/task/list all 0 10)", "[1 2 3]");
        }
    }

    @Test
    void shouldFailATaskWhoseStepGivesAnErrorAndKeepNothingOfThatStep()
    {
        try (SxsRuntime runtime = start())
        {
            expect(runtime, "(core/fn/def bad () {(core/kv/set local:a 1) "
                + "(core/kv/set local:b 2) (core/kv/get nope) (core/kv/set local:c 3)})", "true");
            expect(runtime, "(core/task/spawn bad)", "1");
            awaitState(runtime, 1, "failed");
            expect(runtime, "(core/task/status 1)", "[1 \"failed\" 2 bad \"key not found: nope\"]");
            expect(runtime, "(core/kv/get task:1:local:b)", "2");
            expect(runtime, "(core/kv/exists task:1:local:c)", "false");
            expect(runtime, "(core/task/spawn nothing)", "@\"core/task/spawn: no function 'nothing'\"");
            expect(runtime, "(core/task/spawn bad 1)",
                "@\"core/task/spawn: 'bad' expects 0 arguments (), got 1\"");
            expect(runtime, "(core/task/yield)", "@\"core/task/yield: only inside a task's step\"");
        }
    }

    @Test
    void shouldSeeAnEventPublishedAfterTheAwaitRanAndBeforeItsStepCommitted()
    {
        try (SxsRuntime runtime = start())
        {
            // the step publishes the awaited event itself, after the await and before its own commit
            expect(runtime, "(core/fn/def early () {(core/list/new (core/task/await A 3 local:got) "
                + "(core/event/pub A 3 \"early\")) (core/kv/get local:got)})", "true");
            expect(runtime, "(core/task/spawn early)", "1");
            awaitState(runtime, 1, "done");
            expect(runtime, "(core/kv/get task:1:result)", "\"early\"");
            expect(runtime, "(core/task/status 1)", "[1 \"done\" 2 early \"early\"]");
        }
    }

    @Test
    void shouldReachTheSpawningScopesKeysThroughShared()
    {
        try (SxsRuntime runtime = start())
        {
            expect(runtime, """
                (core/fn/def order (id) {
                  (core/kv/set local:total 42)
                  (core/expr/let total (core/kv/get local:total)
                    {(core/task/shared {(core/kv/snx (core/str/concat "order:" $id ":charged") $total)})})
                })""", "true");
            expect(runtime, "(core/task/spawn order 7)", "1");
            awaitState(runtime, 1, "done");
            expect(runtime, "(core/kv/get order:7:charged)", "42");
            expect(runtime, "(core/kv/exists task:1:order:7:charged)", "false");
        }
    }

    @Test
    void shouldNameItsOwnFunctionInEachTasksCodeEntryWhenTwoFunctionsShareOneText()
    {
        try (SxsRuntime runtime = start())
        {
            // one text, two names: one program, so the spawn's encoded code entry must be told apart by the name
            expect(runtime, "(core/fn/def a () {(core/task/yield)})", "true");
            expect(runtime, "(core/fn/def b () {(core/task/yield)})", "true");
            expect(runtime, "(core/task/spawn a)", "1");
            expect(runtime, "(core/task/spawn a)", "2");
            expect(runtime, "(core/task/spawn b)", "3");
            expect(runtime, "(core/task/spawn a)", "4");
            final String[] names = {"a", "a", "b", "a"};
            for (int id = 1; id <= names.length; id++)
            {
                final FrameHeader header = FrameHeader.read(runtime.store().scoped("task:" + id + ":"));
                assertEquals(names[id - 1], header.fn(), "task " + id);
                assertEquals(0, header.endedMillis(), "task " + id + " has not ended");
            }
        }
    }
}
