package dev.sxs.it.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The host methods the probe tests probe, and the {@code target ...} questions {@link ProbeHost} hands here:
 * <ul>
 *   <li>{@code target place ITEM QTY}: {@code target <place's result>};</li>
 *   <li>{@code target fail WHY}: {@code target threw <the message the host caught>};</li>
 *   <li>{@code target spin THREADS MILLIS}: THREADS host threads call {@code place} at full speed for MILLIS;
 *       {@code target <calls made>};</li>
 *   <li>{@code target bytes}: {@code target <hash of this class's bytes as the JVM holds them now>}
 *       ({@link BytesAgent}).</li>
 * </ul>
 * It knows nothing of sxs.
 */
public final class ProbeTarget
{
    private final int factor;

    /**
     * @param factor what {@link #place} multiplies by.
     */
    public ProbeTarget(final int factor)
    {
        this.factor = factor;
    }

    /**
     * @param item the item.
     * @param qty  how many.
     * @return {@code qty * factor}.
     */
    public int place(final String item, final int qty)
    {
        return item.isEmpty() ? 0 : qty * factor;
    }

    /**
     * @param why the message.
     * @return never.
     */
    public String fail(final String why)
    {
        throw new IllegalStateException(why);
    }

    static String answer(final String command) throws Exception
    {
        final String[] parts = command.split(" ");
        final ProbeTarget target = new ProbeTarget(2);
        switch (parts[1])
        {
            case "place":
                return "target " + target.place(parts[2], Integer.parseInt(parts[3]));
            case "fail":
                try
                {
                    return "target " + target.fail(parts[2]);
                }
                catch (final IllegalStateException ex)
                {
                    return "target threw " + ex.getMessage();
                }
            case "spin":
                return "target " + spin(target, Integer.parseInt(parts[2]), Long.parseLong(parts[3]));
            case "bytes":
                return "target " + BytesAgent.hash(ProbeTarget.class);
            default:
                return "target unknown " + command;
        }
    }

    private static long spin(final ProbeTarget target, final int threads, final long millis) throws Exception
    {
        final long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        final long[] calls = new long[threads];
        final List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++)
        {
            final int slot = t;
            final Thread thread = new Thread(() ->
            {
                long n = 0;
                while (System.nanoTime() < end)
                {
                    n += target.place("x", 1) > 0 ? 1 : 0;
                }
                calls[slot] = n;
            }, "host-spin-" + t);
            thread.start();
            running.add(thread);
        }
        long total = 0;
        for (int t = 0; t < threads; t++)
        {
            running.get(t).join();
            total += calls[t];
        }
        return total;
    }
}
