package dev.sxs.lang.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ProbeTargetsTest
{
    @Test
    void shouldRefuseTheJdkAndSxsWithAClearMessage()
    {
        assertEquals("refused: java.util.HashMap is JDK code sxs runs itself (a probe there would recurse)",
            ProbeTargets.refusal("java.util.HashMap", "put"));
        assertEquals("refused: jdk.internal.misc.Unsafe is JDK code sxs runs itself (a probe there would recurse)",
            ProbeTargets.refusal("jdk.internal.misc.Unsafe", "*"));
        assertEquals("refused: sun.nio.ch.* is JDK code sxs runs itself (a probe there would recurse)",
            ProbeTargets.refusal("sun.nio.ch.*", "*"));
        assertEquals("refused: dev.sxs.events.Dispatcher is sxs's own code (a probe there would recurse)",
            ProbeTargets.refusal("dev.sxs.events.Dispatcher", "publish"));
        assertTrue(ProbeTargets.refused("com.sun.net.httpserver.HttpServer"));
        assertFalse(ProbeTargets.refused("com.shop.Orders"));
    }

    @Test
    void shouldRefuseBadNamesAndConstructors()
    {
        assertEquals("CLASS must be a class name, with * for any characters, got \"a b\"",
            ProbeTargets.refusal("a b", "x"));
        assertEquals("METHOD must be a method name or *, got \"a.b\"", ProbeTargets.refusal("a.B", "a.b"));
        assertEquals("constructors cannot be probed", ProbeTargets.refusal("a.B", "<init>"));
    }

    @Test
    void shouldAcceptHostClassesAndPatterns()
    {
        assertNull(ProbeTargets.refusal("com.shop.Orders", "place"));
        assertNull(ProbeTargets.refusal("com.shop.*Service", "*"));
        assertNull(ProbeTargets.refusal("Orders$Inner", "get_1"));
    }

    @Test
    void shouldMatchStarsAsAnyCharactersAndDotsLiterally()
    {
        final Pattern p = Pattern.compile(ProbeTargets.regex("com.shop.*Service"));
        assertTrue(p.matcher("com.shop.OrderService").matches());
        assertTrue(p.matcher("com.shop.a.b.Service").matches());
        assertFalse(p.matcher("comXshop.OrderService").matches());
        assertFalse(p.matcher("com.shop.OrderServiceImpl").matches());
        assertTrue(Pattern.compile(ProbeTargets.regex("*")).matcher("anything").matches());
    }
}
