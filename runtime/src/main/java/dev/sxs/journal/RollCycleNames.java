package dev.sxs.journal;

import java.util.ArrayList;
import java.util.List;

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
    private RollCycleNames()
    {
    }

    /**
     * @param name a roll cycle name in any case; null or blank means {@link JournalOptions#DEFAULT_ROLL_CYCLE}.
     * @return the roll cycle.
     * @throws IllegalArgumentException naming the bad value and the accepted names (the message of a bad
     *                                  {@code journal.rollCycle} setting).
     */
    public static RollCycle resolve(final String name)
    {
        final String wanted = name == null || name.isBlank()
            ? JournalOptions.DEFAULT_ROLL_CYCLE
            : JournalOptions.canonicalRollCycle(name);
        for (final RollCycle cycle : all())
        {
            if (((Enum<?>)cycle).name().equals(wanted))
            {
                return cycle;
            }
        }
        // JournalOptions.ROLL_CYCLES lists Chronicle's names (RollCycleNamesTest checks it)
        throw new IllegalStateException("roll cycle " + wanted + " is listed but Chronicle has none of that name");
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
