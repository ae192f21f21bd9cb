package dev.sxs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class AttachCommandTest
{
    private final Path cwd = Path.of("/home/me/work");

    @Test
    void shouldMakeRelativePathSettingsAbsoluteAgainstTheCliFolder()
    {
        assertEquals("data=/home/me/work/d,boot=/home/me/work/scripts/boot.sxs,events.workers=2,"
            + "config=/etc/sxs.properties",
            AttachCommand.absolutePaths("data=d,boot=./scripts/boot.sxs,events.workers=2,config=/etc/sxs.properties",
                cwd));
        assertEquals("jmx.passwordFile=/home/me/jmx.password,jmx.accessFile=/home/me/work/a,"
            + "journal.dir=/home/me/work/j",
            AttachCommand.absolutePaths("jmx.passwordFile=../jmx.password,jmx.accessFile=a,journal.dir=j", cwd));
    }

    @Test
    void shouldPassOtherPairsOnUnchanged()
    {
        assertEquals("", AttachCommand.absolutePaths("", cwd));
        assertEquals("data=,garbage,scope=x:", AttachCommand.absolutePaths("data=,garbage,scope=x:", cwd));
    }

    @Test
    void shouldSayWhichSettingsDifferFromTheRunningOnes()
    {
        assertEquals("", AttachCommand.differences("data=/a,events.workers=2", " events.workers=2 , data=/a"));
        assertEquals("data: running /a, asked /b", AttachCommand.differences("data=/a,events.workers=2",
            "data=/b,events.workers=2"));
        assertEquals("boot: running /x.sxs, asked (not set); data: running (not set), asked (empty)",
            AttachCommand.differences("boot=/x.sxs", "data="));
        final CliException bad = assertThrows(CliException.class, () -> AttachCommand.differences("", "garbage"));
        assertEquals(SxsCli.EXIT_USAGE, bad.exitCode());
    }
}
