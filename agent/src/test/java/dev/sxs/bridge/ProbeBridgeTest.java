package dev.sxs.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.WrongMethodTypeException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProbeBridgeTest
{
    private static final MethodType GATE = MethodType.methodType(long.class, int.class);
    private static final MethodType SINK = MethodType.methodType(void.class, int.class, String.class, String.class,
        Object[].class, Object.class, Throwable.class, long.class);

    @AfterEach
    void unplug()
    {
        ProbeBridge.disconnect();
    }

    @Test
    void shouldSkipEveryCallWhileNothingIsConnected()
    {
        assertEquals(ProbeBridge.SKIP, ProbeBridge.enter(1));
        ProbeBridge.exit(1, "T", "m", new Object[0], null, null, 0);
    }

    @Test
    void shouldAnswerWithTheConnectedGateAndHandTheCallToTheSink() throws Exception
    {
        final Plug plug = new Plug(10);
        connect(plug);

        assertEquals(30, ProbeBridge.enter(3));
        final Object[] args = {"book", 3};
        final IllegalStateException thrown = new IllegalStateException("x");
        ProbeBridge.exit(3, "Orders", "place", args, 7L, thrown, 30);

        assertEquals(List.of(List.of(3, "Orders", "place", args, 7L, thrown, 30L)), plug.calls);
    }

    @Test
    void shouldSkipAfterDisconnectAndHoldNothingOfWhatWasConnected() throws Exception
    {
        Plug plug = new Plug(10);
        final WeakReference<Plug> held = new WeakReference<>(plug);
        connect(plug);
        assertEquals(20, ProbeBridge.enter(2));

        ProbeBridge.disconnect();
        ProbeBridge.exit(2, "T", "m", new Object[0], null, null, 20);
        assertEquals(List.of(), plug.calls);
        plug = null;

        assertEquals(ProbeBridge.SKIP, ProbeBridge.enter(2));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (held.get() != null && System.nanoTime() < deadline)
        {
            System.gc();
            Thread.onSpinWait();
        }
        assertNull(held.get(), "the bridge still reaches what was connected");
    }

    @Test
    void shouldAnswerWithNewHandlesInCodeCompiledWithTheOldOnes() throws Exception
    {
        connect(new Plug(1));
        long sum = 0;
        for (int i = 0; i < 200_000; i++)
        {
            sum += ProbeBridge.enter(i & 7); // hot enough for the JIT to inline the gate
        }
        assertEquals(200_000 / 8 * (0 + 1 + 2 + 3 + 4 + 5 + 6 + 7), sum);

        connect(new Plug(100));

        assertEquals(700, ProbeBridge.enter(7));
        ProbeBridge.disconnect();
        assertEquals(ProbeBridge.SKIP, ProbeBridge.enter(7));
    }

    @Test
    void shouldNeverThrowIntoTheHostWhenTheGateOrSinkThrows() throws Exception
    {
        final Plug plug = new Plug(0);
        connect(plug);

        assertEquals(ProbeBridge.SKIP, ProbeBridge.enter(-1));
        ProbeBridge.exit(-1, "T", "m", new Object[0], null, null, 0);
        assertEquals(List.of(), plug.calls);
    }

    @Test
    void shouldRefuseHandlesOfAnotherTypeAndKeepTheConnectedOnes() throws Exception
    {
        connect(new Plug(5));
        final MethodHandle wrong = MethodHandles.constant(String.class, "no");

        assertThrows(WrongMethodTypeException.class, () -> ProbeBridge.connect(wrong, wrong));
        assertEquals(10, ProbeBridge.enter(2));
    }

    private static void connect(final Plug plug) throws ReflectiveOperationException
    {
        final MethodHandles.Lookup lookup = MethodHandles.lookup();
        ProbeBridge.connect(lookup.findVirtual(Plug.class, "gate", GATE).bindTo(plug),
            lookup.findVirtual(Plug.class, "sink", SINK).bindTo(plug));
    }

    /** What sxs plugs in, reduced to a factor and a record of the calls; a negative probe id throws. */
    static final class Plug
    {
        final long factor;
        final List<List<Object>> calls = new ArrayList<>();

        Plug(final long factor)
        {
            this.factor = factor;
        }

        long gate(final int probe)
        {
            if (probe < 0)
            {
                throw new IllegalArgumentException("bad probe");
            }
            return probe * factor;
        }

        void sink(final int probe, final String type, final String method, final Object[] args,
            final Object result, final Throwable thrown, final long start)
        {
            if (probe < 0)
            {
                throw new IllegalArgumentException("bad probe");
            }
            calls.add(List.of(probe, type, method, args, result, thrown, start));
        }
    }
}
