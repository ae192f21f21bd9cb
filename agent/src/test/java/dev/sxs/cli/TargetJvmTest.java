package dev.sxs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        final CliException ex = assertThrows(CliException.class, () -> TargetJvm.of(Long.toString(ProcessHandle.current().pid())));
        assertEquals(SxsCli.EXIT_USAGE, ex.exitCode());
    }

    @Test
    void shouldNameAProcessThatIsNotRunning()
    {
        final CliException ex = assertThrows(CliException.class, () -> TargetJvm.of("999999999"));
        assertEquals("no process with PID 999999999 is running", ex.getMessage());
        assertEquals(SxsCli.EXIT_UNREACHABLE, ex.exitCode());
    }
}
