package dev.sxs.jmx;

import dev.sxs.events.Channel;
import dev.sxs.jmx.access.ChannelAccess;
import dev.sxs.jmx.access.ChannelCounters;
import dev.sxs.jmx.access.JournalAccess;
import dev.sxs.jmx.access.ReplayStatus;
import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.jmx.access.RuntimeAccess;
import dev.sxs.jmx.access.SessionAccess;
import dev.sxs.jmx.access.StoreAccess;
import dev.sxs.jmx.audit.AuditLog;
import dev.sxs.journal.JournalRecord;
import dev.sxs.journal.RecordType;
import dev.sxs.lang.Printer;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import dev.sxs.session.Principal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plain in-memory implementations of the access interfaces, recording what they were asked. Evaluations,
 * publications and session closes are recorded in {@link #audit} as the runtime's gateway would audit them
 * (WHO ACTION DETAIL), so the tests see which principal and action each MBean call hands over.
 */
public final class FakeParts
    implements RuntimeAccess, ChannelAccess, StoreAccess, JournalAccess, AuditLog, SessionAccess
{
    final List<String> audit = new CopyOnWriteArrayList<>();
    final List<String> evaluated = new CopyOnWriteArrayList<>();
    final List<String> published = new CopyOnWriteArrayList<>();
    public final Map<Channel, ChannelCounters> counters = Collections.synchronizedMap(new EnumMap<>(Channel.class));
    final Map<Channel, Map<Integer, Integer>> topics = Collections.synchronizedMap(new EnumMap<>(Channel.class));
    final Map<String, String> store = new ConcurrentSkipListMap<>();
    final AtomicInteger stops = new AtomicInteger();
    private final long startedAtMillis = System.currentTimeMillis() - 1000;
    volatile ReplayStatus replay = ReplayStatus.NONE;
    volatile String lastReplay = "";

    /** @return this as the parts of a runtime. */
    public ManagedParts parts()
    {
        return new ManagedParts(this, this, this, this, this, this, () -> 0,
            dev.sxs.jmx.access.EvaluationCounters.NONE, new FakeEntities());
    }

    /** Entities that record their changes. */
    final class FakeEntities implements dev.sxs.jmx.access.EntityAccess
    {
        @Override
        public List<String> entities()
        {
            return List.of("root all rights (built in)");
        }

        @Override
        public long denials()
        {
            return 0;
        }

        @Override
        public String change(final Principal who, final String operation, final List<String> args)
        {
            audit.add(who + " Entities." + operation + " " + String.join(" ", args));
            return operation + " " + String.join(" ", args);
        }

        @Override
        public void require(final Principal who, final String need)
        {
            // the fake runtime has no entities: everyone is root
        }
    }

    @Override
    public void record(final String who, final String operation, final String detail)
    {
        audit.add(who + " " + operation + " " + detail);
    }

    @Override
    public String version()
    {
        return "0.1.0-test";
    }

    @Override
    public long startedAtMillis()
    {
        // fixed: a start computed at each call moved with the clock, so an uptime read across a millisecond's
        // tick came out at 999
        return startedAtMillis;
    }

    @Override
    public Path dataFolder()
    {
        return Path.of("/tmp/sxs-data");
    }

    @Override
    public Map<String, String> configuration()
    {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("data", "/tmp/sxs-data");
        m.put("scope", "");
        return m;
    }

    @Override
    public List<String> eval(final ScriptSubmission submission)
    {
        final String scope = submission.session().scope() == null ? "" : submission.session().scope();
        evaluated.add(scope + "|" + submission.source());
        final String named = submission.session().name() == null ? "" : "session=" + submission.session().name()
            + (submission.session().replace() ? " replace " : " ");
        audit.add(submission.principal().name() + " " + submission.action() + " " + named
            + (scope.isEmpty() ? "" : "scope=" + scope + " ") + submission.source());
        return List.of("true", "42");
    }

    @Override
    public List<String> sessions()
    {
        return List.of("1 setup cli:local root \"\" 1");
    }

    @Override
    public List<String> handlers()
    {
        return List.of("1 A 7 cli { (core/kv/incr n) }");
    }

    @Override
    public String close(final Principal who, final String session)
    {
        audit.add(who.name() + " Sessions.close " + session);
        return "closed session 1 (" + session + "): 1 handler removed";
    }

    @Override
    public String stop()
    {
        stops.incrementAndGet();
        return "stopped";
    }

    @Override
    public ChannelCounters counters(final Channel channel)
    {
        return counters.getOrDefault(channel, ChannelCounters.ZERO);
    }

    @Override
    public Map<Integer, Integer> topics(final Channel channel)
    {
        return new TreeMap<>(topics.getOrDefault(channel, Map.of()));
    }

    @Override
    public void publish(final Principal who, final Channel channel, final int topic, final Value value,
        final String scope)
    {
        final String payload = Printer.print(value);
        published.add(channel.label() + " " + topic + " " + payload + (scope == null ? "" : " in \"" + scope + "\""));
        audit.add(who.name() + " Channel." + channel.label() + ".publish topic=" + topic + " " + payload);
    }

    @Override
    public long entries()
    {
        return store.size();
    }

    @Override
    public long capacity()
    {
        return 1000;
    }

    @Override
    public long offHeapBytesUsed()
    {
        return 4096;
    }

    @Override
    public long offHeapBytesMapped()
    {
        return 1 << 20;
    }

    @Override
    public String file()
    {
        return "";
    }

    @Override
    public String get(final String key)
    {
        return store.get(key);
    }

    @Override
    public void set(final String key, final String value)
    {
        store.put(key, value);
    }

    @Override
    public void setString(final String key, final String text)
    {
        store.put(key, Printer.print(new StrValue(text)));
    }

    @Override
    public boolean delete(final String key)
    {
        return store.remove(key) != null;
    }

    @Override
    public List<String> keys(final String prefix, final long offset, final int limit)
    {
        return store.keySet().stream().filter(k -> k.startsWith(prefix)).skip(offset).limit(limit).toList();
    }

    @Override
    public String folder()
    {
        return "/tmp/sxs-data/journal";
    }

    @Override
    public long records()
    {
        return 3;
    }

    @Override
    public long firstIndex()
    {
        return 10;
    }

    @Override
    public long lastIndex()
    {
        return 12;
    }

    @Override
    public long firstTimeNanos()
    {
        return 1_700_000_000_000_000_000L;
    }

    @Override
    public long lastTimeNanos()
    {
        return 1_700_000_001_500_000_000L;
    }

    @Override
    public long sizeOnDisk()
    {
        return 1 << 20;
    }

    @Override
    public ReplayStatus replay(final long fromIndex, final long toIndex, final Channel channel, final int topic,
        final boolean scripts)
    {
        lastReplay = fromIndex + " " + toIndex + " " + channel + " " + topic + (scripts ? " scripts" : "");
        return replay;
    }

    @Override
    public List<JournalRecord> tail(final int n)
    {
        final List<JournalRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++)
        {
            records.add(new JournalRecord(10 + i, 100 + i, firstTimeNanos() + i * 1_500_000_000L, Channel.A, 1,
                Integer.toString(i), i == 0 ? "" : "task:1:", RecordType.EVENT));
        }
        return records;
    }

    static ReplayStatus status(final String state, final long total, final long read, final long delivered)
    {
        return new ReplayStatus()
        {
            @Override
            public String state()
            {
                return state;
            }

            @Override
            public long total()
            {
                return total;
            }

            @Override
            public long read()
            {
                return read;
            }

            @Override
            public long delivered()
            {
                return delivered;
            }

            @Override
            public String error()
            {
                return "";
            }
        };
    }
}
