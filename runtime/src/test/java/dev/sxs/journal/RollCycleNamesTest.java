package dev.sxs.journal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RollCycleNamesTest
{
    @Test
    void shouldAcceptInOptionsExactlyTheRollCyclesChronicleHas()
    {
        assertEquals(RollCycleNames.names(), JournalOptions.ROLL_CYCLES);
    }

    @Test
    void shouldResolveEveryNameTheOptionsAccept()
    {
        for (final String name : JournalOptions.ROLL_CYCLES)
        {
            final String canonical = JournalOptions.canonicalRollCycle(" " + name.toLowerCase() + " ");

            assertEquals(name, RollCycleNames.nameOf(RollCycleNames.resolve(canonical)));
        }
    }

    @Test
    void shouldNameTheSettingAndTheAcceptedNamesForAnUnknownName()
    {
        final IllegalArgumentException ex = assertThrows(
            IllegalArgumentException.class, () -> RollCycleNames.resolve("FORTNIGHTLY"));

        assertEquals("bad value for 'journal.rollCycle': 'FORTNIGHTLY' (expected "
            + JournalOptions.rollCycleExpectation() + ")", ex.getMessage());
        assertTrue(ex.getMessage().contains("FAST_HOURLY"), ex.getMessage());
    }

    @Test
    void shouldResolveNoNameToTheDefault()
    {
        assertEquals(JournalOptions.DEFAULT_ROLL_CYCLE, RollCycleNames.nameOf(RollCycleNames.resolve(" ")));
    }
}
