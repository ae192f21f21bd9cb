package dev.sxs.journal;

import org.junit.jupiter.api.Test;

import java.util.Map;

import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RollCycleNamesTest
{
    @Test
    void shouldAcceptInConfigExactlyTheRollCyclesChronicleHas()
    {
        assertEquals(RollCycleNames.names(), Config.ROLL_CYCLES);
    }

    @Test
    void shouldResolveEveryNameConfigAccepts()
    {
        for (final String name : Config.ROLL_CYCLES)
        {
            final String configured = Config.parse(Map.of("journal.rollCycle", name.toLowerCase())).journalRollCycle();

            assertEquals(name, RollCycleNames.nameOf(RollCycleNames.resolve(configured)));
        }
    }

    @Test
    void shouldGiveTheSameMessageAsConfigForAnUnknownName()
    {
        final ConfigException fromJournal = assertThrows(ConfigException.class,
            () -> RollCycleNames.resolve("FORTNIGHTLY"));
        final ConfigException fromConfig = assertThrows(
            ConfigException.class, () -> Config.parse(Map.of("journal.rollCycle", "FORTNIGHTLY")));

        assertEquals(fromConfig.getMessage(), fromJournal.getMessage());
    }
}
