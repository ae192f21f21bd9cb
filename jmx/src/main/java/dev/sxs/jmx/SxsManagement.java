package dev.sxs.jmx;

import dev.sxs.events.Channel;
import dev.sxs.jmx.audit.AuditLog;
import dev.sxs.jmx.mbean.CallRunner;
import dev.sxs.jmx.mbean.ChannelControl;
import dev.sxs.jmx.mbean.ChannelMXBean;
import dev.sxs.jmx.mbean.DescribedMBean;
import dev.sxs.jmx.mbean.EntitiesControl;
import dev.sxs.jmx.mbean.EntitiesMXBean;
import dev.sxs.jmx.mbean.EntityGuard;
import dev.sxs.jmx.mbean.HandlerErrorWatch;
import dev.sxs.jmx.mbean.JournalControl;
import dev.sxs.jmx.mbean.JournalMXBean;
import dev.sxs.jmx.mbean.NotifyingMBean;
import dev.sxs.jmx.mbean.ProbesControl;
import dev.sxs.jmx.mbean.ProbesMXBean;
import dev.sxs.jmx.mbean.RuntimeControl;
import dev.sxs.jmx.mbean.RuntimeMXBean;
import dev.sxs.jmx.mbean.SessionsControl;
import dev.sxs.jmx.mbean.SessionsMXBean;
import dev.sxs.jmx.mbean.TasksControl;
import dev.sxs.jmx.mbean.TasksMXBean;
import dev.sxs.jmx.mbean.StoreControl;
import dev.sxs.jmx.mbean.StoreMXBean;
import dev.sxs.jmx.mbean.SxsNotifications;
import dev.sxs.jmx.metrics.SxsMetrics;
import dev.sxs.lang.probe.ProbeRegistry;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers the sxs MBeans of one runtime in an MBean server:
 * {@code dev.sxs:type=Runtime}, {@code dev.sxs:type=Channel,name=A}..{@code F} and {@code name=exec},
 * {@code dev.sxs:type=Store}, {@code dev.sxs:type=Journal}, {@code dev.sxs:type=Sessions},
 * {@code dev.sxs:type=Tasks}. The runtime MBean
 * emits the {@link SxsNotifications} (replay ended, handler errors, stopping).
 * <p>
 * Failure: when a name is already taken (another sxs in this JVM) nothing stays registered and an
 * {@link IllegalStateException} names the MBean. Threading: call from one thread; the returned
 * {@link Registration} may be closed from any thread.
 */
public final class SxsManagement
{
    /** Domain of the sxs MBeans. */
    public static final String DOMAIN = "dev.sxs";
    /** Name of the runtime MBean, as text (for clients that build their own {@link ObjectName}). */
    public static final String RUNTIME_NAME = "dev.sxs:type=Runtime";
    /** The runtime MBean. */
    public static final ObjectName RUNTIME = name(RUNTIME_NAME);
    /** The store MBean. */
    public static final ObjectName STORE = name("dev.sxs:type=Store");
    /** The journal MBean. */
    public static final ObjectName JOURNAL = name("dev.sxs:type=Journal");
    /** The durable tasks MBean. */
    public static final ObjectName TASKS = name("dev.sxs:type=Tasks");
    /** The sessions MBean. */
    public static final ObjectName SESSIONS = name("dev.sxs:type=Sessions");
    /** The entities MBean. */
    public static final ObjectName ENTITIES = name("dev.sxs:type=Entities");
    /** What the caller's entity needs for the store operations, which see every scope. */
    private static final Map<String, String> STORE_NEEDS = Map.of("get", "read", "keys", "read", "set", "write",
        "setString", "write", "delete", "write");
    /** What it needs for the journal's: its records hold every scope's events; a replay re-publishes them. */
    private static final Map<String, String> JOURNAL_NEEDS = Map.of("tail", "read", "replay", "admin");
    /** The probes MBean (agents with instrumentation only). */
    public static final ObjectName PROBES = name("dev.sxs:type=Probes");

    private SxsManagement()
    {
    }

    /**
     * @param channel a channel.
     * @return its MBean name, {@code dev.sxs:type=Channel,name=A} or {@code name=exec}.
     */
    public static ObjectName channel(final Channel channel)
    {
        return name("dev.sxs:type=Channel,name=" + channel.label());
    }

    /**
     * Register every sxs MBean.
     *
     * @param parts  the views of the runtime.
     * @param server the MBean server, normally the platform one.
     * @return the handle whose {@code close()} unregisters them all.
     * @throws IllegalStateException when an sxs MBean is already registered.
     */
    public static Registration register(final ManagedParts parts, final MBeanServer server)
    {
        return register(parts, new SxsMetrics(), server);
    }

    /**
     * Register every sxs MBean and report the runtime's metrics (under {@code dev.sxs.metrics}).
     *
     * @param parts   the views of the runtime.
     * @param metrics the runtime's metrics (whose probe and metered store the runtime already uses);
     *                closed with the registration.
     * @param server  the MBean server, normally the platform one.
     * @return the handle whose {@code close()} unregisters every MBean and stops the metrics.
     * @throws IllegalStateException when an sxs MBean is already registered.
     */
    public static Registration register(final ManagedParts parts, final SxsMetrics metrics, final MBeanServer server)
    {
        return register(parts, metrics, server, CallRunner.DIRECT);
    }

    /**
     * Register every sxs MBean and report the runtime's metrics, running every MBean call through a
     * {@link CallRunner} (the agent's own threads).
     *
     * @param parts   the views of the runtime.
     * @param metrics the runtime's metrics; closed with the registration.
     * @param server  the MBean server, normally the platform one.
     * @param runner  where MBean attribute reads and operations run.
     * @return the handle whose {@code close()} unregisters every MBean and stops the metrics.
     * @throws IllegalStateException when an sxs MBean is already registered.
     */
    public static Registration register(
        final ManagedParts parts, final SxsMetrics metrics, final MBeanServer server, final CallRunner runner)
    {
        return register(parts, metrics, server, runner, ManagementOptions.DEFAULTS);
    }

    /**
     * Register every sxs MBean as {@link #register(ManagedParts, SxsMetrics, MBeanServer, CallRunner)}, with
     * options: {@code jmx.local} and the period of handler error notifications.
     *
     * @param parts   the views of the runtime.
     * @param metrics the runtime's metrics; closed with the registration.
     * @param server  the MBean server, normally the platform one.
     * @param runner  where MBean attribute reads and operations run.
     * @param options the options, e.g. {@link ManagementOptions#of} the runtime's JMX settings.
     * @return the handle whose {@code close()} says sxs is stopping, then unregisters every MBean and stops
     *         the metrics.
     * @throws IllegalStateException when an sxs MBean is already registered.
     */
    public static Registration register(final ManagedParts parts, final SxsMetrics metrics, final MBeanServer server,
        final CallRunner runner, final ManagementOptions options)
    {
        final boolean local = options.localReadOnly();
        final Registration registration = new Registration(server);
        try
        {
            final SxsNotifications notifications = new SxsNotifications(RUNTIME);
            final HandlerErrorWatch watch = new HandlerErrorWatch(parts.channels(), notifications,
                options.handlerErrorPeriodMillis());
            registration.closeWith(watch);
            registration.closeWith(() -> notifications.stopping("its MBeans are being unregistered"));
            registration.add(RUNTIME, new NotifyingMBean(new DescribedMBean<>(
                new RuntimeControl(parts.runtime(), parts.channels(), parts.audit(), notifications),
                RuntimeMXBean.class, EntityGuard.of(runner, parts.entities(), Map.of("stop", "admin")), local),
                notifications, watch));
            for (final Channel c : Channel.values())
            {
                registration.add(channel(c), new DescribedMBean<>(
                    new ChannelControl(c, parts.channels()), ChannelMXBean.class, runner, local));
            }
            registration.add(STORE,
                new DescribedMBean<>(new StoreControl(parts.store(), parts.audit()), StoreMXBean.class,
                    EntityGuard.of(runner, parts.entities(), STORE_NEEDS),
                    local));
            registration.add(JOURNAL,
                new DescribedMBean<>(new JournalControl(parts.journal(), parts.audit(), notifications),
                    JournalMXBean.class, EntityGuard.of(runner, parts.entities(), JOURNAL_NEEDS), local));
            registration.add(SESSIONS,
                new DescribedMBean<>(new SessionsControl(parts.sessions()), SessionsMXBean.class, runner,
                    local));
            registration.add(ENTITIES, new DescribedMBean<>(new EntitiesControl(parts.entities()),
                EntitiesMXBean.class, runner, local));
            registration.add(TASKS,
                new DescribedMBean<>(new TasksControl(parts.tasks(), parts.audit()), TasksMXBean.class, runner,
                    local));
            metrics.watch(parts.channels(), parts.store(), parts.journal(), parts.journalAppends(),
                parts.evaluations());
            metrics.watchDenials(parts.entities()::denials);
            registration.closeWith(metrics.startReporting(server));
            return registration;
        }
        catch (final RuntimeException ex)
        {
            registration.close();
            throw ex;
        }
    }

    /**
     * Register {@code dev.sxs:type=Probes} with the other MBeans of a registration (only an agent with the JVM's
     * instrumentation has probes); it is unregistered with them.
     *
     * @param registration the registration of {@link #register}.
     * @param probes       the agent's probes.
     * @param audit        where {@code off} is recorded.
     * @param runner       where its calls run.
     * @param options      the options ({@code jmx.local} applies as to the other MBeans).
     * @throws IllegalStateException when the name is taken.
     */
    public static void registerProbes(final Registration registration, final ProbeRegistry probes,
        final AuditLog audit, final CallRunner runner, final ManagementOptions options)
    {
        registration.add(PROBES, new DescribedMBean<>(new ProbesControl(probes, audit), ProbesMXBean.class, runner,
            options.localReadOnly()));
    }

    private static ObjectName name(final String text)
    {
        try
        {
            return new ObjectName(text);
        }
        catch (final MalformedObjectNameException ex)
        {
            throw new IllegalArgumentException(text, ex);
        }
    }

    /**
     * The MBeans registered for one runtime. {@link #close()} unregisters them all; idempotent and
     * thread-safe.
     */
    public static final class Registration implements AutoCloseable
    {
        private final MBeanServer server;
        private final List<ObjectName> names = new ArrayList<>();
        private final List<AutoCloseable> resources = new ArrayList<>();

        Registration(final MBeanServer server)
        {
            this.server = server;
        }

        synchronized void add(final ObjectName name, final Object mbean)
        {
            try
            {
                server.registerMBean(mbean, name);
                names.add(name);
            }
            catch (final InstanceAlreadyExistsException ex)
            {
                throw new IllegalStateException(name
                    + " is already registered (is another sxs runtime loaded in this JVM?)");
            }
            catch (final JMException ex)
            {
                throw new IllegalStateException("cannot register " + name + ": " + ex.getMessage(), ex);
            }
        }

        /**
         * Close something together with the MBeans (e.g. the metrics reporter).
         *
         * @param resource closed by {@link #close()}, in reverse order of adding.
         */
        public synchronized void closeWith(final AutoCloseable resource)
        {
            resources.add(resource);
        }

        /**
         * @return the registered names, a copy.
         */
        public synchronized List<ObjectName> names()
        {
            return new ArrayList<>(names);
        }

        /**
         * Unregister every MBean and close every resource. Idempotent.
         */
        @Override
        public synchronized void close()
        {
            for (int i = resources.size() - 1; i >= 0; i--)
            {
                try
                {
                    resources.get(i).close();
                }
                catch (final Exception ignored)
                {
                    // closing must go on for the rest
                }
            }
            resources.clear();
            for (final ObjectName name : names)
            {
                try
                {
                    server.unregisterMBean(name);
                }
                catch (final InstanceNotFoundException ignored)
                {
                    // already gone
                }
                catch (final JMException ex)
                {
                    // keep unregistering the others
                }
            }
            names.clear();
        }
    }
}
