package dev.sxs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class TargetJvmTest
{
    @Test
    void shouldReadFeatureVersions()
    {
        assertEquals(8, TargetJvm.featureVersion("1.8"));
        assertEquals(17, TargetJvm.featureVersion("17"));
        assertEquals(25, TargetJvm.featureVersion("25.0.1"));
        assertEquals(0, TargetJvm.featureVersion("x"));
    }

    @Test
    void shouldRefuseItsOwnPid()
    {
        final CliException ex = assertThrows(CliException.class,
            () -> TargetJvm.of(Long.toString(ProcessHandle.current().pid())));
        assertEquals(SxsCli.EXIT_USAGE, ex.exitCode());
    }

    @Test
    void shouldNameAProcessThatIsNotRunning()
    {
        final CliException ex = assertThrows(CliException.class, () -> TargetJvm.of("999999999"));
        assertEquals("no process with PID 999999999 is running", ex.getMessage());
        assertEquals(SxsCli.EXIT_UNREACHABLE, ex.exitCode());
    }

    @Test
    void shouldTellAJvmFromAnotherProcessQuickly() throws Exception
    {
        assertTrue(TargetJvm.looksLikeAJvm(ProcessHandle.current().pid()), "this JVM");
        final Process sleep = new ProcessBuilder("sleep", "30").start();
        try
        {
            assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc", Long.toString(sleep.pid()),
                "maps")), "Linux /proc");
            assertFalse(TargetJvm.looksLikeAJvm(sleep.pid()));
            final CliException ex = assertThrows(CliException.class, () -> TargetJvm.of(Long.toString(sleep.pid())));
            assertTrue(ex.getMessage().startsWith("process " + sleep.pid() + " ("), ex.getMessage());
            assertTrue(ex.getMessage().endsWith(") is not a Java VM"), ex.getMessage());
            assertEquals(SxsCli.EXIT_UNREACHABLE, ex.exitCode());
        }
        finally
        {
            sleep.destroy();
            sleep.waitFor();
        }
    }
}
