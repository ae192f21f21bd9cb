package dev.sxs.bench.lang;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.sxs.entity.Access;
import dev.sxs.entity.DenialSink;
import dev.sxs.entity.Entities;
import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.kv.KeyText;
import dev.sxs.lang.Args;
import dev.sxs.lang.Binding;
import dev.sxs.lang.Body;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Session;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.core.StoredValues;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the entity checks add to the interpreted hot paths, in one run, one thread, as a non-root entity
 * holding four scope grants and four event grants (the matching one last, so each check scans them all):
 * <ul>
 *   <li>{@code getChecked} / {@code setChecked} / {@code pubChecked}: the bodies {@code {(core/kv/get $key)}},
 *       {@code {(core/kv/set $key $data)}} and {@code {(core/event/pub A 1 $data)}}, run in a reused context
 *       of a session of that entity (the real commands, which check {@code R}, {@code W}, {@code P} and the
 *       rate limit, unlimited here);</li>
 *   <li>{@code getPlain} / {@code setPlain} / {@code pubPlain}: the same bodies calling twins of those
 *       commands registered by this benchmark, which do the same work with the same public calls but no
 *       entity check (the commands as they were before entities).</li>
 * </ul>
 * {@code checkPublish} measures the {@code P} check and the rate limit alone, against {@code checkNothing};
 * {@code checkPublishLimited} the same for an entity with a rate limit (the limiter's clock read and count).
 * 100,000 keys of 12 bytes in scope {@code shop:}, integer values; events on channel A have no subscriber (the
 * dispatcher still queues them for its worker, and a publisher that outruns the worker parks on the full
 * channel: rare slow calls that differ from one JVM to the next); channel B is bound to a sink that completes
 * each event on the publisher's thread (the {@code pubInline} bodies of {@link EntityCheckPairBenchmark}, which
 * times a checked and a plain call in the same invocation). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar EntityCheck}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EntityCheckBenchmark
{
    /** Keys in the scope. */
    public static final int KEYS = 100_000;
    /** The benchmark's entity. */
    public static final String ENTITY = "shop";
    /** An entity like it with a rate limit it never reaches ({@link Integer#MAX_VALUE} a second). */
    public static final String LIMITED = "shop-limited";

    /** A runtime with the entity, its keys, and the checked and plain bodies. */
    @State(Scope.Benchmark)
    public static class Runtime
    {
        SxsRuntime runtime;
        StrValue[] keys;
        Session session;
        Body get;
        Body set;
        Body pub;
        Body plainGet;
        Body plainSet;
        Body plainPub;
        Body pubInline;
        Body plainPubInline;
        Session limited;

        @Setup(Level.Trial)
        public void open()
        {
            System.setProperty("chronicle.analytics.disable", "true");
            runtime = SxsRuntime.start(Config.parse(Map.of("kv.entries", "200000", "kv.keyBytes", "20",
                "kv.valueBytes", "8")), LogSink.NONE);
            final Entities entities = runtime.entities();
            entities.create(ENTITY);
            for (final String scope : new String[] {"other1:", "other2:", "other3:", "shop:"})
            {
                entities.grant(ENTITY, "RW", scope);
            }
            for (final String target : new String[] {"B:0-9", "C:*", "A:1000-1999", "A:0-99"})
            {
                entities.grant(ENTITY, "PS", target);
            }
            session = Session.create("shop:", runtime.store().scoped("shop:"), LogSink.NONE,
                new Access(entities.find(ENTITY), "shop:", DenialSink.NONE));
            keys = new StrValue[KEYS];
            for (int i = 0; i < KEYS; i++)
            {
                keys[i] = new StrValue(String.format("item:%07d", i));
                runtime.store().put("shop:" + keys[i].text(), Integer.toString(i));
            }
            runtime.interpreter().registry().register("bench/kv/get", new PlainGet())
                .register("bench/kv/set", new PlainSet()).register("bench/event/pub", new PlainPub());
            get = body("{(core/kv/get $key)}");
            set = body("{(core/kv/set $key $data)}");
            pub = body("{(core/event/pub A 1 $data)}");
            plainGet = body("{(bench/kv/get $key)}");
            plainSet = body("{(bench/kv/set $key $data)}");
            plainPub = body("{(bench/event/pub A 1 $data)}");
            // channel B: each event completed on the publisher's thread, no hand-off to a worker
            final Dispatcher dispatcher = runtime.dispatcher();
            dispatcher.bind(Channel.B, (event, attachment, replay) -> dispatcher.completed(Channel.B, true));
            pubInline = body("{(core/event/pub B 1 $data)}");
            plainPubInline = body("{(bench/event/pub B 1 $data)}");
            entities.create(LIMITED);
            entities.grant(LIMITED, "RW", "shop:");
            entities.grant(LIMITED, "PS", "A:*");
            entities.change(LIMITED, e -> e.withLimits(Integer.MAX_VALUE, 0));
            limited = Session.create("shop:", runtime.store().scoped("shop:"), LogSink.NONE,
                new Access(entities.find(LIMITED), "shop:", DenialSink.NONE));
        }

        private Body body(final String source)
        {
            return runtime.interpreter().compileBody((ListValue)runtime.interpreter().compile(source).forms().get(0));
        }

        @TearDown(Level.Trial)
        public void close()
        {
            runtime.close();
        }
    }

    /** One context per benchmark thread, reused like a worker reuses its context. */
    @State(Scope.Thread)
    public static class Worker
    {
        Context ctx;

        @Setup(Level.Trial)
        public void open(final Runtime r)
        {
            ctx = r.runtime.interpreter().newContext(r.session);
        }
    }

    static String keyOf(final Value v)
    {
        final String key = v instanceof StrValue s ? s.text() : null;
        return key == null || key.isEmpty() || HiddenKeys.isHidden(key) || KeyText.loneSurrogate(key) >= 0 ? null
            : key;
    }

    /** {@code core/kv/get} without the entity check. */
    static final class PlainGet implements Command
    {
        @Override
        public Value invoke(final Args args, final Context ctx)
        {
            final String key = keyOf(args.eval(0, ctx));
            final String text = key == null ? null : ctx.store().get(key);
            return text == null ? new ErrorValue("key not found") : StoredValues.decode(text);
        }
    }

    /** {@code core/kv/set} without the entity check. */
    static final class PlainSet implements Command
    {
        @Override
        public Value invoke(final Args args, final Context ctx)
        {
            final String key = keyOf(args.eval(0, ctx));
            final Value value = args.eval(1, ctx);
            if (key == null || value.isError() || StoredValues.containsError(value))
            {
                return new ErrorValue("bad");
            }
            ctx.store().put(key, StoredValues.encode(value));
            return SymValue.TRUE;
        }
    }

    /** {@code core/event/pub} without the entity check. */
    static final class PlainPub implements Command
    {
        @Override
        public Value invoke(final Args args, final Context ctx)
        {
            final Dispatcher dispatcher = ctx.service(Dispatcher.class);
            final Value c = args.eval(0, ctx);
            final Channel channel = c instanceof SymValue s ? Channel.byName(s.name()) : null;
            final Value t = args.eval(1, ctx);
            final Value data = args.eval(2, ctx);
            if (channel == null || !(t instanceof IntValue topic) || data.isError()
                || StoredValues.unreadable(data) != null)
            {
                return new ErrorValue("bad");
            }
            return dispatcher.publish(channel, (int)topic.value(), data, ctx.session().scope()) > 0 ? SymValue.TRUE
                : new ErrorValue("refused");
        }
    }

    private static Value run(final Body body, final Worker w, final Binding binding, final Value value)
    {
        w.ctx.reset();
        w.ctx.bind(binding, value);
        return body.run(w.ctx);
    }

    private static Value runSet(final Body body, final Runtime r, final Worker w)
    {
        final int i = ThreadLocalRandom.current().nextInt(KEYS);
        w.ctx.reset();
        w.ctx.bind(Binding.KEY, r.keys[i]);
        w.ctx.bind(Binding.DATA, IntValue.of(i));
        return body.run(w.ctx);
    }

    @Benchmark
    public Value getChecked(final Runtime r, final Worker w)
    {
        return run(r.get, w, Binding.KEY, r.keys[ThreadLocalRandom.current().nextInt(KEYS)]);
    }

    @Benchmark
    public Value getPlain(final Runtime r, final Worker w)
    {
        return run(r.plainGet, w, Binding.KEY, r.keys[ThreadLocalRandom.current().nextInt(KEYS)]);
    }

    @Benchmark
    public Value setChecked(final Runtime r, final Worker w)
    {
        return runSet(r.set, r, w);
    }

    @Benchmark
    public Value setPlain(final Runtime r, final Worker w)
    {
        return runSet(r.plainSet, r, w);
    }

    @Benchmark
    public Value pubChecked(final Runtime r, final Worker w)
    {
        return run(r.pub, w, Binding.DATA, IntValue.of(ThreadLocalRandom.current().nextInt(KEYS)));
    }

    @Benchmark
    public Value pubPlain(final Runtime r, final Worker w)
    {
        return run(r.plainPub, w, Binding.DATA, IntValue.of(ThreadLocalRandom.current().nextInt(KEYS)));
    }

    /**
     * The check of {@code pubChecked} alone, as {@code PubCommand} makes it: {@code P} on channel A topic 1, then
     * the rate limit (none here). What the check costs is this minus {@link #checkNothing}.
     *
     * @param r the runtime.
     * @return the answer.
     */
    @Benchmark
    public boolean checkPublish(final Runtime r)
    {
        final Access access = r.session.access();
        return access.mayPublish(Channel.A, 1) && access.tryPublish();
    }

    /**
     * {@link #checkPublish} for an entity with a rate limit: the limiter reads the clock and counts the publish.
     *
     * @param r the runtime.
     * @return the answer.
     */
    @Benchmark
    public boolean checkPublishLimited(final Runtime r)
    {
        final Access access = r.limited.access();
        return access.mayPublish(Channel.A, 1) && access.tryPublish();
    }

    /**
     * The same reads of the session without the check: the floor of {@link #checkPublish}.
     *
     * @param r the runtime.
     * @return the session's access.
     */
    @Benchmark
    public Object checkNothing(final Runtime r)
    {
        return r.session.access();
    }
}
