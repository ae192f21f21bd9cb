package dev.sxs.lang.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import dev.sxs.lang.Printer;
import org.junit.jupiter.api.Test;

class ProbePayloadTest
{
    private static final ProbeOptions ALL = ProbeOptions.defaults();

    private static String print(final Object[] args, final Object result, final Throwable thrown,
        final ProbeOptions options)
    {
        return Printer.print(ProbePayload.of("com.shop.Orders", "place", args, result, thrown, 1234, "main", options));
    }

    @Test
    void shouldTurnPrimitivesStringsAndNullIntoSxsValues()
    {
        assertEquals("[\"com.shop.Orders\" \"place\" [1 2 3 4 1.5 0.25 true \"c\" \"text\" null] 7 1234 \"main\"]",
            print(new Object[] {1, 2L, (short)3, (byte)4, 1.5d, 0.25f, true, 'c', "text", null}, 7, null, ALL));
    }

    @Test
    void shouldDescribeOtherObjectsByClassAndIdentityUnlessToStringIsAsked()
    {
        final Object order = new Object()
        {
            @Override
            public String toString()
            {
                return "order 42";
            }
        };
        final String identity = order.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(order));
        assertEquals("\"" + identity + "\"", Printer.print(ProbePayload.value(order, ALL)));
        assertEquals("\"order 42\"", Printer.print(ProbePayload.value(order, ProbeOptions.parse("tostring=true"))));
    }

    @Test
    void shouldFallBackToIdentityWhenToStringThrows()
    {
        final Object hostile = new Object()
        {
            @Override
            public String toString()
            {
                throw new IllegalStateException("no");
            }
        };
        assertTrue(Printer.print(ProbePayload.value(hostile, ProbeOptions.parse("tostring=true"))).contains("@"));
    }

    @Test
    void shouldMakeAThrownExceptionAnErrorValue()
    {
        assertEquals("[\"com.shop.Orders\" \"place\" [] @\"java.lang.IllegalStateException: no stock\" 1234 \"main\"]",
            print(new Object[0], null, new IllegalStateException("no stock"), ALL));
        assertEquals("@\"java.lang.RuntimeException\"", Printer.print(ProbePayload.of("a", "b", null, null,
            new RuntimeException(), 0, "t", ALL).items().get(3)));
    }

    @Test
    void shouldCapStringsAtTheConfiguredLength()
    {
        assertEquals("\"abc\"", Printer.print(ProbePayload.value("abcdef", ProbeOptions.parse("maxstr=3"))));
        assertEquals("\"a\"", Printer.print(ProbePayload.value("a\uD83D\uDE00", ProbeOptions.parse("maxstr=2"))));
    }

    @Test
    void shouldLeaveOutWhatTheOptionsDoNotCapture()
    {
        assertEquals("[\"com.shop.Orders\" \"place\" [] null 0 \"main\"]",
            print(new Object[] {"x"}, 5, null, ProbeOptions.parse("args=false result=false time=false")));
    }

    @Test
    void shouldAllocateForTheArgumentsOnlyTheirValuesAndOneList()
    {
        // the payload is built on the host's thread: an argument costs its value, one list and its ListValue
        // (16 + 24 + 24 bytes with compressed pointers), not a growable list copied into another
        final long none = bytesPerPayload(new Object[0]);
        final long one = bytesPerPayload(new Object[] {"book"});
        final long two = bytesPerPayload(new Object[] {"book", "pen"});
        assertTrue(one - none <= 80, "one argument added " + (one - none) + " bytes");
        assertTrue(two - none <= 96, "two arguments added " + (two - none) + " bytes");
    }

    private static long bytesPerPayload(final Object[] args)
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final int calls = 20_000;
        long size = 0;
        for (int i = 0; i < calls; i++)
        {
            size += ProbePayload.of("T", "m", args, 19L, null, 5, "main", ALL).items().size();
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++)
        {
            size += ProbePayload.of("T", "m", args, 19L, null, 5, "main", ALL).items().size();
        }
        final long bytes = (threads.getCurrentThreadAllocatedBytes() - before) / calls;
        assertEquals(2L * calls * 6, size, "every payload has six items");
        return bytes;
    }
}
