package dev.sxs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatusReportTest
{
    @Test
    void shouldSayTheUptimeInWords()
    {
        assertEquals("0 seconds", StatusReport.uptime(400));
        assertEquals("37 seconds", StatusReport.uptime(37_900));
        assertEquals("1 minute 0 seconds", StatusReport.uptime(60_000));
        assertEquals("5 minutes 2 seconds", StatusReport.uptime(302_000));
        assertEquals("2 hours 5 minutes", StatusReport.uptime(2 * 3_600_000 + 5 * 60_000 + 59_000));
        assertEquals("3 days 1 hour", StatusReport.uptime(3 * 86_400_000L + 3_600_000));
    }

    @Test
    void shouldShowSizesInBinaryUnits()
    {
        assertEquals("512 bytes", StatusReport.bytes(512));
        assertEquals("1.5 KiB", StatusReport.bytes(1536));
        assertEquals("83.0 MiB", StatusReport.bytes(83L << 20));
    }

    @Test
    void shouldAlignOneLineOfCountersPerChannel()
    {
        final List<long[]> rows = new ArrayList<>();
        for (int c = 0; c < 7; c++)
        {
            rows.add(new long[] {c * 100L, c * 99L, c, 0, c == 1 ? 3 : 0});
        }
        final List<String> table = StatusReport.channelTable(rows);
        assertEquals(8, table.size());
        assertEquals("channel   published  delivered  discarded   rejected  handler-errors", table.get(0));
        assertEquals("exec              0          0          0          0               0", table.get(1));
        assertEquals("A               100         99          1          0               3", table.get(2));
        assertEquals(table.get(0).length(), table.get(7).length());
    }
}
