package dev.sxs.jmx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import dev.sxs.events.Channel;
import dev.sxs.jmx.audit.AuditLog;
import dev.sxs.jmx.mbean.ProbesControl;
import dev.sxs.lang.probe.ProbeInfo;
import dev.sxs.lang.probe.ProbeOptions;
import dev.sxs.lang.probe.ProbeRegistry;
import dev.sxs.lang.probe.ProbeSpec;
import org.junit.jupiter.api.Test;

class ProbesControlTest
{
    /**
     * @param infos the probes it lists.
     * @return a registry that lists them and removes them on off.
     */
    static ProbeRegistry registry(final List<ProbeInfo> infos)
    {
        final List<ProbeInfo> on = new ArrayList<>(infos);
        return new ProbeRegistry()
        {
            @Override
            public int on(final ProbeSpec spec)
            {
                return 0;
            }

            @Override
            public int off(final String classPattern, final String methodPattern)
            {
                return on.removeIf(p -> p.spec().targets(classPattern, methodPattern)) ? 1 : 0;
            }

            @Override
            public List<ProbeInfo> list()
            {
                return List.copyOf(on);
            }
        };
    }

    private static ProbeInfo info(final String method, final long hits, final long dropped)
    {
        return new ProbeInfo(new ProbeSpec("com.shop.Orders", method, Channel.B, 3, ProbeOptions.defaults(), 12, ""),
            1, hits, hits - dropped - 1, dropped, 1);
    }

    @Test
    void shouldListEachProbeWithItsCountsAndTotals()
    {
        final ProbesControl control = new ProbesControl(registry(List.of(info("place", 10, 2), info("cancel", 5, 0))),
            AuditLog.NONE);
        assertEquals(2, control.getCount());
        assertArrayEquals(new String[] {
            "com.shop.Orders place B 3 methods=1 hits=10 published=7 dropped=2 capped=1 session=12",
            "com.shop.Orders cancel B 3 methods=1 hits=5 published=4 dropped=0 capped=1 session=12"},
            control.getProbes());
        assertEquals(15, control.getHits());
        assertEquals(2, control.getDropped());
    }

    @Test
    void shouldRemoveAProbeAuditedAndRefuseOneThatIsNotOn()
    {
        final List<String> audited = new ArrayList<>();
        final ProbesControl control = new ProbesControl(registry(List.of(info("place", 1, 0))),
            (who, operation, detail) -> audited.add(operation + " " + detail));
        assertEquals("probe off: com.shop.Orders place", control.off("com.shop.Orders", "place"));
        assertEquals(List.of("Probes.off com.shop.Orders place"), audited);
        assertEquals(0, control.getCount());
        assertEquals("off: no probe on com.shop.Orders place",
            assertThrows(IllegalArgumentException.class, () -> control.off("com.shop.Orders", "place")).getMessage());
    }
}
