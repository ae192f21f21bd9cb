package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A host that exits while sxs is still starting (a short job, a service failing its own start) must not leave
 * the store open (the next start would then have to recover the whole store file) nor lose what the start
 * still writes. A boot script that waits three seconds, then writes, holds the start open after the store is
 * open; the host exits inside that window.
 */
class ExitDuringStartIT
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldCloseTheStoreCleanlyWhenTheHostExitsWhileSxsStarts(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final Path data = dir.resolve("data");
        final Path boot = Files.writeString(dir.resolve("slow-boot.sxs"),
            "(core/expr/await {} A 1 3000) (core/kv/set booted 1)");
        final String agent = "-javaagent:" + SxsCommand.agentJar() + "=data=" + data + ",boot=" + boot;
        try (HostJvm host = HostJvm.start(jdk, dir, agent, List.of(), List.of()))
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HostJvm.DEFAULT_ANSWER_SECONDS);
            while (!Files.exists(data.resolve("store.dat")) && System.nanoTime() < deadline)
            {
                TimeUnit.MILLISECONDS.sleep(20); // polling the host's files, not synchronising threads of ours
            }
            assertTrue(Files.exists(data.resolve("store.dat")), host.stderr());
            assertEquals("starting", host.ask("status"), "the boot script holds the start open");

            assertEquals(0, host.exit(), host.stderr());
            assertTrue(Files.exists(data.resolve("store.clean")), "store closed cleanly at exit\n" + host.stderr());
        }
        try (HostJvm again = HostJvm.start(jdk, dir, "-javaagent:" + SxsCommand.agentJar() + "=data=" + data,
            List.of(), List.of()))
        {
            assertEquals("running", again.awaitStarted(), again.stderr());
            assertEquals("1", again.ask("eval (core/kv/get booted)"), again.stderr());
            assertFalse(again.stderr().contains("not closed cleanly"), again.stderr());
        }
    }
}
