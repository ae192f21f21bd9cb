package dev.sxs.jmx.metrics;

import com.codahale.metrics.Clock;
import dev.sxs.events.Channel;
import dev.sxs.jmx.access.ChannelCounters;
import dev.sxs.jmx.access.EvaluationCounters;
import dev.sxs.jmx.FakeParts;
import dev.sxs.jmx.MapKvStore;
import dev.sxs.kv.KvStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SxsMetricsTest
{
    final MBeanServer server = MBeanServerFactory.newMBeanServer();
    final FakeParts fake = new FakeParts();
    final AtomicLong appends = new AtomicLong();
    final AtomicLong evaluations = new AtomicLong();
    final AtomicLong overruns = new AtomicLong();
    final SxsMetrics metrics = new SxsMetrics().watch(fake, fake, fake, appends::get,
        new EvaluationCounters()
        {
            @Override
            public long evaluations()
            {
                return evaluations.get();
            }

            @Override
            public long budgetOverruns()
            {
                return overruns.get();
            }
        }).startReporting(server);

    @AfterEach
    void tearDown()
    {
        metrics.close();
    }

    @Test
    void shouldDescribeEveryMetricMBeanItsAttributesAndOperations() throws Exception
    {
        final java.util.Set<ObjectName> names = server.queryNames(new ObjectName("dev.sxs.metrics:*"), null);
        assertTrue(names.size() > 60, names.size() + " metric MBeans");
        for (final ObjectName name : names)
        {
            final javax.management.MBeanInfo info = server.getMBeanInfo(name);
            dev.sxs.jmx.SxsManagementTestAccess.assertDescribed(info.getDescription(), name.toString());
            assertTrue(!info.getDescription().startsWith("sxs metric "), name + ": " + info.getDescription());
            for (final javax.management.MBeanAttributeInfo a : info.getAttributes())
            {
                dev.sxs.jmx.SxsManagementTestAccess.assertDescribed(a.getDescription(), name + " " + a.getName());
            }
            for (final javax.management.MBeanOperationInfo op : info.getOperations())
            {
                dev.sxs.jmx.SxsManagementTestAccess.assertDescribed(op.getDescription(), name + " " + op.getName());
                assertEquals(javax.management.MBeanOperationInfo.INFO, op.getImpact(), name + " " + op.getName());
            }
        }
        final ObjectName published = new ObjectName("dev.sxs.metrics:name=channel.B.published,type=meters");
        assertEquals("Events accepted on channel B (replayed ones included): count and rates per second.",
            server.getMBeanInfo(published).getDescription());
        assertEquals(0L, server.getAttribute(published, "Count"));
        final ObjectName latency = new ObjectName("dev.sxs.metrics:name=channel.exec.latency,type=timers");
        assertTrue(server.getMBeanInfo(latency).getDescription().startsWith("Publish-to-handler latency on channel "
            + "exec"), server.getMBeanInfo(latency).getDescription());
        metrics.close();
        assertEquals(0, server.queryNames(new ObjectName("dev.sxs.metrics:*"), null).size(), "all unregistered");
    }

    @Test
    void shouldReportChannelRatesAndGaugesFromTheRuntimeCounters() throws Exception
    {
        final ObjectName published = new ObjectName("dev.sxs.metrics:name=channel.A.published,type=meters");
        final ObjectName depth = new ObjectName("dev.sxs.metrics:name=channel.A.queueDepth,type=gauges");
        assertEquals(0L, server.getAttribute(published, "Count"));
        fake.counters.put(Channel.A, new ChannelCounters(500, 480, 1, 2, 0, 3, 20, 1, 7));
        assertEquals(500L, server.getAttribute(published, "Count"));
        assertEquals(480L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=channel.A.delivered,type=meters"),
            "Count"));
        assertEquals(20L, server.getAttribute(depth, "Value"));
        assertEquals(1L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=channel.A.discarded,type=gauges"),
            "Value"));
        assertEquals(2L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=channel.A.handlerErrors,type=gauges"),
            "Value"));
        assertEquals(3L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=channel.A.rejected,type=gauges"),
            "Value"));
        assertEquals(7L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=channel.A.tooDeep,type=gauges"),
            "Value"));
        assertTrue((Double)server.getAttribute(published, "MeanRate") > 0);
    }

    @Test
    void shouldRecordSampledDeliveryLatencyInAnHdrHistogramTimer() throws Exception
    {
        for (int i = 1; i <= 100; i++)
        {
            metrics.deliveryProbe().sampled(Channel.E, i * 1000L);
        }
        final ObjectName latency = new ObjectName("dev.sxs.metrics:name=channel.E.latency,type=timers");
        assertEquals(100L, server.getAttribute(latency, "Count"));
        final double p50 = (Double)server.getAttribute(latency, "50thPercentile");
        assertTrue(p50 >= 49.9 && p50 <= 50.1, "p50 " + p50 + " us");
        final double max = (Double)server.getAttribute(latency, "Max");
        assertTrue(max >= 99.9 && max <= 100.1, "max " + max + " us");
        assertEquals("microseconds", server.getAttribute(latency, "DurationUnit"));
    }

    @Test
    void shouldCountStoreOperationsAndSampleTheirLatency() throws Exception
    {
        final KvStore store = metrics.meter(new MapKvStore());
        for (int i = 0; i < 160; i++)
        {
            store.put("k" + i, Integer.toString(i));
            store.get("k" + i);
        }
        store.remove("k1");
        store.keys("k", 0, 10);
        assertEquals(160L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=store.writes,type=meters"),
            "Count"));
        assertEquals(160L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=store.reads,type=meters"),
            "Count"));
        assertEquals(1L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=store.deletes,type=meters"),
            "Count"));
        assertEquals(1L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=store.iterations,type=meters"),
            "Count"));
        final long sampled = (Long)server.getAttribute(new ObjectName(
            "dev.sxs.metrics:name=store.writes.latency,type=timers"), "Count");
        assertTrue(sampled > 0 && sampled < 60, "sampled " + sampled + " of 160");
    }

    @Test
    void shouldReportJournalAndScriptMetrics() throws Exception
    {
        appends.set(7);
        evaluations.set(11);
        overruns.set(2);
        assertEquals(7L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=journal.appends,type=meters"),
            "Count"));
        assertEquals(3L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=journal.records,type=gauges"),
            "Value"));
        assertEquals(1L << 20,
            server.getAttribute(new ObjectName("dev.sxs.metrics:name=journal.sizeOnDisk,type=gauges"), "Value"));
        assertEquals(11L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=script.evaluations,type=meters"),
            "Count"));
        assertEquals(2L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=script.budgetOverruns,type=meters"),
            "Count"));
        assertEquals(0L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=store.entries,type=gauges"),
            "Value"));
    }

    @Test
    void shouldUnregisterEveryMetricOnClose() throws Exception
    {
        assertTrue(server.queryNames(new ObjectName("dev.sxs.metrics:*"), null).size() >= 7 * 7 + 7);
        metrics.close();
        metrics.close();
        assertEquals(0, server.queryNames(new ObjectName("dev.sxs.metrics:*"), null).size());
    }

    @Test
    void shouldDeriveExponentialRatesFromCounterGrowth()
    {
        final AtomicLong tick = new AtomicLong();
        final AtomicLong counter = new AtomicLong();
        final CounterMeter meter = new CounterMeter(counter::get, new Clock()
        {
            @Override
            public long getTick()
            {
                return tick.get();
            }
        });
        for (int i = 0; i < 60 / 5 * 10; i++)
        {
            counter.addAndGet(500);
            tick.addAndGet(TimeUnit.SECONDS.toNanos(5));
            meter.getOneMinuteRate();
        }
        assertEquals(100.0, meter.getOneMinuteRate(), 1.0);
        assertEquals(100.0, meter.getMeanRate(), 0.001);
        assertEquals(60_000L, meter.getCount());
        meter.mark();
        assertEquals(60_000L, meter.getCount());
    }
}
