package dev.sxs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.DispatcherOptions;
import dev.sxs.events.Event;
import dev.sxs.events.Publication;
import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRegistry;
import dev.sxs.session.SxsSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessorsTest
{
    private Dispatcher dispatcher;
    private Processors processors;
    private SessionRegistry sessions;

    /** A store nothing here reads: the sessions only need its scoped views. */
    static KvStore unusedStore()
    {
        return (KvStore)java.lang.reflect.Proxy.newProxyInstance(KvStore.class.getClassLoader(),
            new Class<?>[] {KvStore.class}, (proxy, method, args) ->
            {
                if (method.isDefault())
                {
                    return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                }
                throw new UnsupportedOperationException(method.getName());
            });
    }

    private SxsSession session(final String scope)
    {
        return sessions.open(null, Principal.API, scope, false);
    }

    @AfterEach
    void close()
    {
        if (dispatcher != null)
        {
            dispatcher.close();
        }
        if (processors != null)
        {
            processors.close();
        }
    }

    private void start(final ScriptRunner runner, final int count)
    {
        dispatcher = Dispatcher.start(DispatcherOptions.defaults(), null);
        sessions = new SessionRegistry(unusedStore(), LogSink.NONE, dispatcher);
        processors = Processors.start(dispatcher, runner, count,
            scope -> sessions.open(null, Principal.REPLAY, scope, false), SxsThreadFactory.create());
    }

    @Test
    void shouldRunOneProcessorsScriptsOneAtATimeInOrder() throws Exception
    {
        final List<String> ran = Collections.synchronizedList(new ArrayList<>());
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());
        start((source, session, budget) ->
        {
            ran.add(source);
            threads.add(Thread.currentThread().getName());
            return List.of(new StrValue(source));
        }, 4);
        final List<CompletableFuture<List<Value>>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++)
        {
            // topics 1 and 5 both select processor 1 of 4
            futures.add(processors.submit("s" + i, i % 2 == 0 ? 1 : 5, session("")));
        }
        for (int i = 0; i < 200; i++)
        {
            assertEquals(List.of(new StrValue("s" + i)), futures.get(i).get(10, TimeUnit.SECONDS));
        }
        for (int i = 0; i < 200; i++)
        {
            assertEquals("s" + i, ran.get(i));
        }
        assertEquals(Collections.singleton("sxs-processor-1"), new java.util.HashSet<>(threads));
        assertEquals(1, processors.processorFor(65537 % 65536));
        assertTrue(dispatcher.drain(10_000));
        assertEquals(200, dispatcher.stats(Channel.EXEC).published());
        assertEquals(200, dispatcher.stats(Channel.EXEC).delivered());
    }

    @Test
    void shouldRunDifferentProcessorsInParallel() throws Exception
    {
        final CountDownLatch bothRunning = new CountDownLatch(2);
        start((source, session, budget) ->
        {
            bothRunning.countDown();
            try
            {
                // each script can only finish once the other processor runs one too
                return List.of(dev.sxs.lang.SymValue.of(bothRunning.await(10, TimeUnit.SECONDS)));
            }
            catch (final InterruptedException ex)
            {
                return List.of(new ErrorValue("interrupted"));
            }
        }, 2);
        final CompletableFuture<List<Value>> a = processors.submit("a", 0, session(""));
        final CompletableFuture<List<Value>> b = processors.submit("b", 1, session(""));
        assertEquals(List.of(dev.sxs.lang.SymValue.TRUE), a.get(20, TimeUnit.SECONDS));
        assertEquals(List.of(dev.sxs.lang.SymValue.TRUE), b.get(20, TimeUnit.SECONDS));
    }

    @Test
    void shouldCompleteWithErrorValuesNeverExceptions() throws Exception
    {
        start((source, session, budget) ->
        {
            if (source.equals("throw"))
            {
                throw new IllegalStateException("bad runner");
            }
            return List.of(new ErrorValue("read error at 1:1: unclosed ("));
        }, 1);
        assertEquals(List.of(new ErrorValue("read error at 1:1: unclosed (")),
            processors.submit("(", 0, session("")).get(10, TimeUnit.SECONDS));
        final List<Value> failed = processors.submit("throw", 0, session("")).get(10, TimeUnit.SECONDS);
        assertTrue(((ErrorValue)failed.get(0)).message()
            .startsWith("processor failed after 0 forms: java.lang.IllegalStateException: bad runner"));
        assertEquals(List.of(new ErrorValue("submit: topic out of range (0..65535): 70000")),
            processors.submit("x", 70000, session("")).get(10, TimeUnit.SECONDS));
        assertTrue(dispatcher.drain(10_000));
        assertEquals(1, dispatcher.stats(Channel.EXEC).handlerErrors());
    }

    @Test
    void shouldRunReplayedScriptsWithTheirPublicationsSuppressed() throws Exception
    {
        final CompletableFuture<Long> published = new CompletableFuture<>();
        final CompletableFuture<SxsSession> sessionSeen = new CompletableFuture<>();
        start((source, session, budget) ->
        {
            sessionSeen.complete(session);
            published.complete(dispatcher.publish(Channel.A, 1, IntValue.of(1), ""));
            return List.of();
        }, 2);
        dispatcher.publishReplay(new Event(7, 0, Channel.EXEC, 3, new StrValue("(core/event/pub A 1 1)"), "task:1:"));
        assertEquals(Publication.SUPPRESSED, published.get(10, TimeUnit.SECONDS));
        final SxsSession replayed = sessionSeen.get(10, TimeUnit.SECONDS);
        assertEquals("task:1:", replayed.scope());
        assertEquals(Principal.REPLAY, replayed.principal());
        assertTrue(dispatcher.drain(10_000));
        assertEquals(1, dispatcher.stats(Channel.A).suppressed());
    }

    /**
     * A replay hands scripts to a processor and waits until each settled: finished, or blocked in an
     * await, which also settles a script queued behind it. The await is then answered by an event the
     * replay re-publishes later.
     */
    @Test
    void shouldLetAReplayGoOnOnceAReplayedScriptWaitsInAnAwait() throws Exception
    {
        final List<String> ran = Collections.synchronizedList(new ArrayList<>());
        start((source, session, budget) ->
        {
            if (source.equals("wait"))
            {
                final Event reply = dispatcher.awaitNext(Channel.B, 9, null, 10_000);
                ran.add("wait got " + (reply == null ? "nothing" : reply.payload()));
            }
            else
            {
                ran.add(source);
            }
            return List.of();
        }, 1);
        dispatcher.publishReplay(new Event(1, 0, Channel.EXEC, 0, new StrValue("first"), ""));
        assertEquals(List.of("first"), ran,
            "a replayed script that does not block has finished when publishReplay returns");
        dispatcher.publishReplay(new Event(2, 0, Channel.EXEC, 0, new StrValue("wait"), ""));
        dispatcher.publishReplay(new Event(3, 0, Channel.EXEC, 0, new StrValue("behind"), ""));
        assertEquals(List.of("first"), ran);
        dispatcher.publishReplay(new Event(4, 0, Channel.B, 9, new StrValue("reply"), ""));
        assertTrue(dispatcher.drain(20_000));
        assertEquals(List.of("first", "wait got \"reply\"", "behind"), ran);
    }

    @Test
    void shouldLeaveNoProcessorThreadAfterClose()
    {
        start((source, session, budget) -> List.of(), 3);
        processors.submit("x", 2, session("")).join();
        dispatcher.close();
        processors.close();
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            assertTrue(!t.getName().startsWith("sxs-") || !t.isAlive(), t.getName());
        }
        assertEquals(List.of(new ErrorValue("submit: closed on the execution channel")),
            processors.submit("y", 0, session("")).join());
    }
}
