package dev.sxs.jmx.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class JournalAuditLogTest
{
    @Test
    void shouldWriteOneLineWithTheRecordsPrintedFormWhenTheJournalIsOff()
    {
        final List<String> lines = new ArrayList<>();
        new JournalAuditLog(null, lines::add).record("local", "Runtime.eval", "(core/kv/get a)\n\"x\ny\"");
        assertEquals(1, lines.size());
        final String line = lines.get(0);
        assertTrue(line.startsWith("sxs audit (journal is off): "), line);
        assertTrue(line.endsWith(" (audit \"local\" \"Runtime.eval\" \"(core/kv/get a)\\n\\\"x\\ny\\\"\")"), line);
        assertEquals(-1, line.indexOf('\n'), "one line, whatever the detail holds");
    }
}
