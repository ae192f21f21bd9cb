package dev.sxs.jmx.mbean;

import java.util.List;

import dev.sxs.jmx.audit.AuditLog;
import dev.sxs.jmx.remote.CurrentSubject;
import dev.sxs.lang.probe.ProbeInfo;
import dev.sxs.lang.probe.ProbeRegistry;

/**
 * The {@link ProbesMXBean} over the agent's {@link ProbeRegistry}. Stateless apart from its parts; every call
 * runs on the management threads like the other MBeans'.
 */
public final class ProbesControl implements ProbesMXBean
{
    private final ProbeRegistry probes;
    private final AuditLog audit;

    /**
     * @param probes the agent's probes.
     * @param audit  where {@code off} is recorded.
     */
    public ProbesControl(final ProbeRegistry probes, final AuditLog audit)
    {
        this.probes = probes;
        this.audit = audit;
    }

    @Override
    public int getCount()
    {
        return probes.list().size();
    }

    @Override
    public String[] getProbes()
    {
        final List<ProbeInfo> list = probes.list();
        final String[] lines = new String[list.size()];
        for (int i = 0; i < lines.length; i++)
        {
            lines[i] = line(list.get(i));
        }
        return lines;
    }

    @Override
    public long getHits()
    {
        long sum = 0;
        for (final ProbeInfo p : probes.list())
        {
            sum += p.hits();
        }
        return sum;
    }

    @Override
    public long getDropped()
    {
        long sum = 0;
        for (final ProbeInfo p : probes.list())
        {
            sum += p.dropped();
        }
        return sum;
    }

    @Override
    public String off(final String classPattern, final String methodPattern)
    {
        if (classPattern == null || classPattern.isBlank() || methodPattern == null || methodPattern.isBlank())
        {
            throw new IllegalArgumentException("off: give the probe's class and method as installed");
        }
        audit.record(CurrentSubject.who(), "Probes.off", classPattern + " " + methodPattern);
        if (probes.off(classPattern, methodPattern) == 0)
        {
            throw new IllegalArgumentException("off: no probe on " + classPattern + " " + methodPattern);
        }
        return "probe off: " + classPattern + " " + methodPattern;
    }

    /**
     * @param p a probe.
     * @return {@code CLASS METHOD CHANNEL TOPIC methods=N hits=N published=N dropped=N capped=N session=ID}.
     */
    static String line(final ProbeInfo p)
    {
        return p.spec().classPattern() + " " + p.spec().methodPattern() + " " + p.spec().channel().label() + " "
            + p.spec().topic() + " methods=" + p.methods() + " hits=" + p.hits() + " published=" + p.published()
            + " dropped=" + p.dropped() + " capped=" + p.capped() + " session=" + p.spec().owner();
    }
}
