package dev.sxs.lang.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.sxs.events.Channel;
import dev.sxs.events.Publication;
import dev.sxs.events.Subscription;
import dev.sxs.lang.BackendUnderTest;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The three escapes of issue 9 section 4, through the language: each scope is its own event space, so a
 * scoped publish fires no root handler, a scoped handler gets no root payload, and a scoped await is not
 * answered by a root publication.
 */
class ScopedEventsTest
{
    private SxsRuntime runtime;

    @AfterEach
    void close()
    {
        if (runtime != null)
        {
            runtime.close();
        }
    }

    private void start()
    {
        runtime = SxsRuntime.start(Config.defaults().with(BackendUnderTest.over(Map.of("kv.entries", "10000"))),
            LogSink.NONE);
    }

    private String eval(final String scope, final String source)
    {
        return String.join(" ", runtime.eval(source, scope).stream().map(Value::print).toList());
    }

    @Test
    void shouldNotFireARootHandlerFromAScopedPublish()
    {
        start();
        assertEquals("true", eval("", "(core/event/sub A 60 { (core/kv/set fired $data) })"));
        assertEquals("true", eval("t1:", "(core/event/sub A 60 { (core/kv/set fired $data) })"));
        assertEquals("true", eval("t1:", "(core/event/pub A 60 \"from t1\")"));
        assertTrue(runtime.dispatcher().drain(10_000));
        assertEquals("@\"key not found: fired\" \"from t1\"", eval("", "(core/kv/get fired) (core/kv/get t1:fired)"),
            "the root handler did not run; the t1: handler did, writing t1:fired");
    }

    @Test
    void shouldNotDeliverRootPayloadsToAScopedHandler()
    {
        start();
        assertEquals("true", eval("t2:", "(core/event/sub A 61 { (core/kv/set got $data) })"));
        assertEquals("true", eval("", "(core/event/pub A 61 \"root payload\")"));
        assertTrue(runtime.dispatcher().drain(10_000));
        assertEquals("@\"key not found: got\"", eval("t2:", "(core/kv/get got)"));
        assertEquals("true", eval("t2:", "(core/event/pub A 61 \"t2 payload\")"));
        assertTrue(runtime.dispatcher().drain(10_000));
        assertEquals("\"t2 payload\"", eval("t2:", "(core/kv/get got)"));
    }

    @Test
    void shouldNotAnswerAScopedAwaitWithARootPublication() throws Exception
    {
        start();
        final CountDownLatch listening = new CountDownLatch(1);
        // the await's body publishes B 9 in t3: once the awaiter listens; this t3: handler tells the test
        runtime.dispatcher().subscribe(Channel.B, 9, e -> listening.countDown(), Subscription.NO_OWNER, "t3:");
        final CompletableFuture<String> answer = CompletableFuture.supplyAsync(
            () -> eval("t3:", "(core/expr/await (core/event/pub B 9 \"listening\") A 1 5000)"));
        assertTrue(listening.await(10, TimeUnit.SECONDS));
        assertTrue(Publication.isAccepted(runtime.dispatcher().publish(Channel.A, 1, new StrValue("root"), "")));
        assertTrue(Publication.isAccepted(runtime.dispatcher().publish(Channel.A, 1, new StrValue("t3"), "t3:")));
        assertEquals("\"t3\"", answer.get(10, TimeUnit.SECONDS));
    }
}
