package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static dev.sxs.nats.Scripts.eval;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;

/**
 * {@code backend=nats} through the runtime's own wiring ({@link SxsRuntime#start(Config)} finds the backend by
 * name): two runtimes on one bucket are two JVMs' worth of sxs sharing one store.
 */
class NatsBackendTest
{
    @RegisterExtension
    static final ClusterExtension NATS = new ClusterExtension(1);

    private static SxsRuntime start(final String bucket)
    {
        return start(bucket, LogSink.STDERR);
    }

    private static SxsRuntime start(final String bucket, final LogSink log)
    {
        return SxsRuntime.start(Config.parse(Map.of("backend", "nats", "nats.servers", NATS.cluster().servers(),
            "nats.bucket", bucket, "journal.enabled", "false")), log);
    }

    @Test
    void shouldShareOneStoreBetweenTwoRuntimesOnOneBucket()
    {
        try (SxsRuntime one = start("shared"); SxsRuntime two = start("shared"))
        {
            assertInstanceOf(NatsKvStore.class, one.store());
            assertEquals("true", eval(one, "(core/kv/snx k 1)", ""));
            assertEquals("false 1", eval(two, "(core/kv/snx k 2) (core/kv/get k)", ""));
            assertEquals("false true", eval(two, "(core/kv/cas k 9 3) (core/kv/cas k 1 3)", ""));
            assertEquals("3 true", eval(one, "(core/kv/get k) (core/kv/exists k)", ""));
            assertEquals("1 2", eval(one, "(core/kv/incr n)", "") + " " + eval(two, "(core/kv/incr n)", ""));
            assertEquals("true", eval(two, "(core/kv/del k)", ""));
            assertEquals("false", eval(one, "(core/kv/exists k)", ""));
        }
    }

    @Test
    void shouldKeepScopesApartAndIterateInOrder()
    {
        final List<String> lines = new CopyOnWriteArrayList<>();
        try (SxsRuntime one = start("scopes", (session, line) -> lines.add(line)); SxsRuntime two = start("scopes"))
        {
            assertEquals("true true true", eval(one, "(core/kv/set b 2) (core/kv/set a.x 1) (core/kv/set c 3)", "t3:"));
            assertEquals("3", eval(one, "(core/kv/iterate \"\" 0 10 {(core/util/log $key)})", "t3:"));
            assertEquals(List.of("a.x", "b", "c"), lines);
            assertEquals("2", eval(two, "(core/kv/get b)", "t3:"));
            assertEquals("@\"key not found: b\"", eval(two, "(core/kv/get b)", ""));
        }
    }
}
