package dev.sxs.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

/**
 * Resolves the {@code journal.rollCycle} setting to a Chronicle Queue roll cycle. Accepts the names of
 * {@link RollCycles} (FAST_DAILY, FAST_HOURLY, ...), {@link LargeRollCycles} and {@link TestRollCycles}
 * (TEST_SECONDLY, for tests), in any case. Stateless.
 */
public final class RollCycleNames
{
    /** The roll cycle used when none is configured. */
    public static final String DEFAULT_ROLL_CYCLE = "FAST_DAILY";

    private RollCycleNames()
    {
    }

    /**
     * @param name a roll cycle name.
     * @return the roll cycle.
     * @throws ConfigException naming the bad value and the accepted names.
     */
    public static RollCycle resolve(final String name)
    {
        final String wanted = name == null || name.isBlank() ? DEFAULT_ROLL_CYCLE : name.trim()
            .toUpperCase(Locale.ROOT);
        for (final RollCycle cycle : all())
        {
            if (((Enum<?>)cycle).name().equals(wanted))
            {
                return cycle;
            }
        }
        throw new ConfigException("bad value for 'journal.rollCycle': '" + name + "' (expected "
            + Config.rollCycleExpectation() + ")");
    }

    /**
     * @return the names of every roll cycle {@link #resolve} accepts, upper case, in Chronicle's order
     *     ({@link RollCycles}, {@link LargeRollCycles}, {@link TestRollCycles}).
     */
    public static List<String> names()
    {
        final List<String> names = new ArrayList<>();
        for (final RollCycle cycle : all())
        {
            names.add(nameOf(cycle));
        }
        return names;
    }

    /**
     * @param cycle a roll cycle.
     * @return its name.
     */
    public static String nameOf(final RollCycle cycle)
    {
        return cycle instanceof Enum<?> e ? e.name() : cycle.toString();
    }

    private static List<RollCycle> all()
    {
        final List<RollCycle> all = new ArrayList<>(List.of(RollCycles.values()));
        all.addAll(List.of(LargeRollCycles.values()));
        all.addAll(List.of(TestRollCycles.values()));
        return all;
    }
}
