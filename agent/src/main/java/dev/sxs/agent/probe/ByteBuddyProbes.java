package dev.sxs.agent.probe;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.sxs.bridge.ProbeBridge;
import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.gateway.Gateway;
import dev.sxs.lang.probe.ProbeException;
import dev.sxs.lang.probe.ProbeInfo;
import dev.sxs.lang.probe.ProbeRegistry;
import dev.sxs.lang.probe.ProbeSpec;
import dev.sxs.lang.probe.ProbeTargets;
import dev.sxs.probe.ActiveProbe;
import dev.sxs.probe.ProbeDrain;
import dev.sxs.session.SessionResources;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The probes of a running agent, installed with Byte Buddy: each probe is its own {@code AgentBuilder} with
 * retransformation and a {@link net.bytebuddy.agent.builder.ResettableClassFileTransformer}, so it applies to
 * classes loaded now and later, in any class loader, and {@link #off} or {@link #close} give the classes their
 * original bytecode back. Host threads reach sxs through the bootstrap bridge: its gate and sink are bound to
 * {@link #admit} and {@link #record} of this object, which find the probe by its id in an array. A published call
 * leaves the host thread at once: its event is made on the {@link ProbeDrain}'s thread, started with the first
 * probe and stopped by {@link #close}.
 * <p>
 * Threading: {@link #on}, {@link #off}, {@link #close} are serialised; {@link #admit} and {@link #record} run on
 * any host thread, lock-free. Failure: host-side methods never throw; {@link #on} throws only
 * {@link ProbeException}. Owned by sessions ({@link SessionResources}): closing the installing session removes
 * its probes.
 */
public final class ByteBuddyProbes implements ProbeRegistry, SessionResources, AutoCloseable
{
    private static final MethodHandle ADMIT;
    private static final MethodHandle RECORD;

    private final Instrumentation inst;
    private final Gateway gateway;
    private final Class<?> bridge;
    private final ProbeDrain drain;
    private final Object lock = new Object();
    private final List<Installed> installed = new ArrayList<>();
    private volatile ActiveProbe[] table = new ActiveProbe[0];
    private int nextId;
    private boolean closed;

    static
    {
        try
        {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            ADMIT = lookup.findVirtual(ByteBuddyProbes.class, "admit", BridgeClass.GATE);
            RECORD = lookup.findVirtual(ByteBuddyProbes.class, "record", BridgeClass.SINK);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private ByteBuddyProbes(final Instrumentation inst, final Gateway gateway, final Class<?> bridge,
        final ProbeDrain drain)
    {
        this.inst = inst;
        this.gateway = gateway;
        this.bridge = bridge;
        this.drain = drain;
    }

    /**
     * Define the bridge (once per JVM) and plug this registry into it.
     *
     * @param inst    the JVM's instrumentation; must support retransformation.
     * @param gateway where probe events go in.
     * @param dataDir sxs's data folder, or null (where the bridge's jar goes if it must be a file).
     * @param threads sxs's thread factory (the drain's thread).
     * @return the registry.
     * @throws ProbeException when probes cannot work in this JVM.
     */
    public static ByteBuddyProbes start(final Instrumentation inst, final Gateway gateway, final Path dataDir,
        final SxsThreadFactory threads) throws ProbeException
    {
        if (!inst.isRetransformClassesSupported())
        {
            throw new ProbeException("probes are not available: this JVM cannot retransform classes");
        }
        final Class<?> bridge = BridgeClass.define(inst, dataDir);
        final ByteBuddyProbes probes = new ByteBuddyProbes(inst, gateway, bridge, new ProbeDrain(threads));
        BridgeClass.connect(bridge, ADMIT.bindTo(probes), RECORD.bindTo(probes));
        return probes;
    }

    /** The bridge's gate: the start marker of a call to publish, or {@link ProbeBridge#SKIP}. */
    long admit(final int id)
    {
        final ActiveProbe[] probes = table;
        final ActiveProbe probe = id >= 0 && id < probes.length ? probes[id] : null;
        // ActiveProbe.SKIP is the bridge's SKIP (ProbeMarkersTest)
        return probe == null ? ProbeBridge.SKIP : probe.enter();
    }

    /** The bridge's sink: publish an admitted call. */
    void record(final int id, final String type, final String method, final Object[] args, final Object result,
        final Throwable thrown, final long start)
    {
        final ActiveProbe[] probes = table;
        final ActiveProbe probe = id >= 0 && id < probes.length ? probes[id] : null;
        if (probe != null)
        {
            // one clock read at the call's end: its duration and the event's timestamp
            final long ended = System.nanoTime();
            probe.publish(type, method, args, result, thrown, probe.timed() ? ended - start : 0, ended);
        }
    }

    @Override
    public int on(final ProbeSpec spec) throws ProbeException
    {
        final String refusal = ProbeTargets.refusal(spec.classPattern(), spec.methodPattern());
        if (refusal != null)
        {
            throw new ProbeException(refusal);
        }
        synchronized (lock)
        {
            if (closed)
            {
                throw new ProbeException("sxs is stopping");
            }
            for (final Installed i : installed)
            {
                if (i.probe().spec().targets(spec.classPattern(), spec.methodPattern()))
                {
                    throw new ProbeException("a probe on " + spec.classPattern() + " " + spec.methodPattern()
                        + " is on already (core/probe/off it first)");
                }
            }
            ProbeMatchers.refuseLoadedOutsideTheHost(inst, spec.classPattern());
            drain.start();
            final int id = nextId++;
            final ActiveProbe probe = new ActiveProbe(spec, gateway, drain);
            final ActiveProbe[] grown = Arrays.copyOf(table, id + 1);
            grown[id] = probe;
            table = grown;
            final MethodCount methods = new MethodCount(ProbeMatchers.methods(spec.methodPattern()));
            final AgentBuilder builder = ProbeMatchers.builder(spec, id, methods);
            try
            {
                installed.add(new Installed(probe, builder.installOn(inst), methods, id));
            }
            catch (final RuntimeException | LinkageError ex)
            {
                table[id] = null;
                throw new ProbeException("cannot instrument " + spec.classPattern() + ": " + ex.getMessage());
            }
            return methods.total();
        }
    }

    @Override
    public int off(final String classPattern, final String methodPattern)
    {
        synchronized (lock)
        {
            for (final Installed i : installed)
            {
                if (i.probe().spec().targets(classPattern, methodPattern))
                {
                    remove(i);
                    installed.remove(i);
                    return 1;
                }
            }
            return 0;
        }
    }

    @Override
    public List<ProbeInfo> list()
    {
        synchronized (lock)
        {
            final List<ProbeInfo> out = new ArrayList<>(installed.size());
            for (final Installed i : installed)
            {
                out.add(i.probe().info(i.methods().total()));
            }
            return out;
        }
    }

    @Override
    public boolean ownedBy(final long sessionId)
    {
        synchronized (lock)
        {
            for (final Installed i : installed)
            {
                if (i.probe().spec().owner() == sessionId)
                {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public int removeOwnedBy(final long sessionId)
    {
        synchronized (lock)
        {
            int removed = 0;
            for (final Installed i : List.copyOf(installed))
            {
                if (i.probe().spec().owner() == sessionId)
                {
                    remove(i);
                    installed.remove(i);
                    removed++;
                }
            }
            return removed;
        }
    }

    /**
     * Remove every probe (original bytecode back) and unplug sxs from the bridge. Idempotent; never throws.
     */
    @Override
    public void close()
    {
        synchronized (lock)
        {
            if (closed)
            {
                return;
            }
            closed = true;
            for (final Installed i : installed)
            {
                remove(i);
            }
            installed.clear();
            BridgeClass.disconnect(bridge);
            table = new ActiveProbe[0];
            drain.close();
        }
    }

    private void remove(final Installed i)
    {
        table[i.id()] = null;
        try
        {
            i.transformer().reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
        }
        catch (final RuntimeException | LinkageError ex)
        {
            System.err.println("[sxs] could not restore the classes of probe " + i.probe().spec().classPattern() + " "
                + i.probe().spec().methodPattern() + ": " + ex);
        }
    }

    /** An installed probe: its runtime side, its transformer, its method count and its id in the table. */
    private record Installed(ActiveProbe probe, net.bytebuddy.agent.builder.ResettableClassFileTransformer transformer,
        MethodCount methods, int id)
    {
    }
}
