package dev.sxs.bench.task;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time the JVM's threads spent between two points, by thread group (a thread's name without its digits,
 * e.g. {@code sxs-processor-}), per operation: where an operation's work went, by thread, in a measure a loaded
 * machine disturbs far less than latency (a thread waiting for a core spends no CPU time). The JVM's own threads
 * (compiler, collector) are not Java threads here and are not counted.
 * <p>
 * Threading: one measuring thread. Allocation: a map per {@link #start()} and {@link #report}, outside the
 * measured operations.
 */
final class ThreadCpu
{
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> before = Map.of();
    private long ops;

    /** Take the starting point and count operations from zero. */
    void start()
    {
        before = snapshot();
        ops = 0;
    }

    /** Count one operation. */
    void op()
    {
        ops++;
    }

    /**
     * @param label what was measured.
     * @return one line: microseconds of CPU per operation, in all and by thread group, largest first.
     */
    String report(final String label)
    {
        final Map<Long, Long> after = snapshot();
        final Map<String, Long> byGroup = new TreeMap<>();
        long total = 0;
        for (final Map.Entry<Long, Long> e : after.entrySet())
        {
            final ThreadInfo info = threads.getThreadInfo(e.getKey());
            final long spent = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (info == null || spent <= 0)
            {
                continue;
            }
            byGroup.merge(info.getThreadName().replaceAll("[0-9]+", "N"), spent, Long::sum);
            total += spent;
        }
        final long n = Math.max(1, ops);
        final StringBuilder out = new StringBuilder("cpu ").append(label).append(": ").append(ops).append(" ops, ")
            .append(String.format("%.1f", total / 1000.0 / n)).append(" us/op:");
        byGroup.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(8)
            .forEach(e -> out.append(' ').append(e.getKey()).append('=')
                .append(String.format("%.2f", e.getValue() / 1000.0 / n)));
        return out.toString();
    }

    private Map<Long, Long> snapshot()
    {
        final Map<Long, Long> out = new TreeMap<>();
        for (final long id : threads.getAllThreadIds())
        {
            final long cpu = threads.getThreadCpuTime(id);
            if (cpu > 0)
            {
                out.put(id, cpu);
            }
        }
        return out;
    }
}
