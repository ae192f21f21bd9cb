package dev.sxs.lang.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProbeOptionsTest
{
    @Test
    void shouldDefaultToEverythingCapturedAndACap()
    {
        assertEquals("args=true result=true time=true tostring=false maxstr=256 sample=1 cap=10000",
            ProbeOptions.parse("").toString());
    }

    @Test
    void shouldReadEveryKeyAndRoundTrip()
    {
        final ProbeOptions o = ProbeOptions.parse(" args=false  tostring=true maxstr=10 sample=4 cap=0 TIME=false ");
        assertEquals("args=false result=true time=false tostring=true maxstr=10 sample=4 cap=0", o.toString());
        assertEquals(o, ProbeOptions.parse(o.toString()));
    }

    @Test
    void shouldNameTheWrongWord()
    {
        assertEquals("unknown option 'speed' (args, result, time, tostring, maxstr, sample, cap)",
            assertThrows(IllegalArgumentException.class, () -> ProbeOptions.parse("speed=1")).getMessage());
        assertEquals("option 'fast' is not KEY=VALUE",
            assertThrows(IllegalArgumentException.class, () -> ProbeOptions.parse("fast")).getMessage());
        assertEquals("args must be true or false, got 'yes'",
            assertThrows(IllegalArgumentException.class, () -> ProbeOptions.parse("args=yes")).getMessage());
        assertEquals("cap must be a whole number 0..9223372036854775807, got '-1'",
            assertThrows(IllegalArgumentException.class, () -> ProbeOptions.parse("cap=-1")).getMessage());
        assertEquals("sample must be at least 1",
            assertThrows(IllegalArgumentException.class, () -> ProbeOptions.parse("sample=0")).getMessage());
    }
}
