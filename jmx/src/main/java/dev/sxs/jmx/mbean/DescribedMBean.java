package dev.sxs.jmx.mbean;

import dev.sxs.jmx.remote.CurrentSubject;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.ImmutableDescriptor;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.StandardMBean;
import javax.management.openmbean.OpenMBeanAttributeInfoSupport;
import javax.management.openmbean.OpenType;
import java.lang.reflect.Method;

/**
 * An MXBean whose MBeanInfo carries the {@link Description} and {@link Param} texts of its interface:
 * MBean, attribute and operation descriptions, parameter names and descriptions, and operation impact.
 * Attribute reads and operations run through a {@link CallRunner} (directly by default). A call that
 * fails throws the {@link Failures#clean cleaned} exception: a JDK type with sxs's message and no stack
 * frames, which the MBean server wraps in a {@link javax.management.RuntimeMBeanException}. Built once
 * per registration; thread-safe like {@link StandardMBean}.
 *
 * @param <T> the management interface.
 */
public final class DescribedMBean<T> extends StandardMBean
{
    private final Class<T> type;
    private final CallRunner runner;
    private final OpenAttributes open;
    private final boolean localReadOnly;
    private volatile ObjectName name;

    /**
     * @param implementation the object doing the work.
     * @param type           the annotated management interface.
     */
    public DescribedMBean(final T implementation, final Class<T> type)
    {
        this(implementation, type, CallRunner.DIRECT);
    }

    /**
     * @param implementation the object doing the work.
     * @param type           the annotated management interface.
     * @param runner         where attribute reads and operations run.
     */
    public DescribedMBean(final T implementation, final Class<T> type, final CallRunner runner)
    {
        this(implementation, type, runner, false);
    }

    /**
     * @param implementation the object doing the work.
     * @param type           the annotated management interface.
     * @param runner         where attribute reads and operations run.
     * @param localReadOnly  whether unauthenticated in-process callers may only read ({@link LocalCallers}).
     */
    public DescribedMBean(final T implementation, final Class<T> type, final CallRunner runner,
        final boolean localReadOnly)
    {
        super(implementation, type, true);
        this.type = type;
        this.runner = runner;
        this.localReadOnly = localReadOnly;
        this.open = implementation instanceof OpenAttributes o ? o : null;
    }

    @Override
    public ObjectName preRegister(final MBeanServer server, final ObjectName registered) throws Exception
    {
        final ObjectName named = super.preRegister(server, registered);
        name = named;
        return named;
    }

    private boolean isOpen(final String attribute)
    {
        return open != null && open.openAttributeTypes().containsKey(attribute);
    }

    @Override
    public Object getAttribute(final String attribute) throws AttributeNotFoundException, MBeanException,
        ReflectionException
    {
        try
        {
            return run(attribute,
                () -> isOpen(attribute) ? open.openAttribute(attribute) : super.getAttribute(attribute));
        }
        catch (final AttributeNotFoundException | MBeanException | ReflectionException ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            throw Failures.clean(attribute, ex);
        }
    }

    @Override
    public AttributeList getAttributes(final String[] attributes)
    {
        try
        {
            return (AttributeList)run("attributes", () -> readAll(attributes));
        }
        catch (final Exception ex)
        {
            throw Failures.clean("reading attributes", ex);
        }
    }

    private AttributeList readAll(final String[] attributes)
    {
        if (open == null)
        {
            return super.getAttributes(attributes);
        }
        final AttributeList values = new AttributeList();
        for (final String attribute : attributes)
        {
            if (isOpen(attribute))
            {
                values.add(new Attribute(attribute, open.openAttribute(attribute)));
            }
            else
            {
                values.addAll(super.getAttributes(new String[] {attribute}));
            }
        }
        return values;
    }

    /**
     * The MBeanInfo as cached, with the run-time open types of the {@link OpenAttributes} (the first
     * {@code StandardMBean.getMBeanInfo()} call returns what it built, not what it cached).
     */
    @Override
    public MBeanInfo getMBeanInfo()
    {
        final MBeanInfo built = super.getMBeanInfo();
        final MBeanInfo cached = getCachedMBeanInfo();
        return cached == null ? built : cached;
    }

    /**
     * Give the {@link OpenAttributes} their run-time open types before the MBeanInfo is cached.
     */
    @Override
    protected void cacheMBeanInfo(final MBeanInfo info)
    {
        if (open == null || info == null)
        {
            super.cacheMBeanInfo(info);
            return;
        }
        final MBeanAttributeInfo[] attributes = info.getAttributes().clone();
        for (int i = 0; i < attributes.length; i++)
        {
            final OpenType<?> openType = open.openAttributeTypes().get(attributes[i].getName());
            if (openType != null)
            {
                attributes[i] = new OpenMBeanAttributeInfoSupport(attributes[i].getName(),
                    attributes[i].getDescription(), openType, true, false, false,
                    new ImmutableDescriptor(new String[] {"openType", "originalType"},
                        new Object[] {openType, openType.getClassName()}));
            }
        }
        super.cacheMBeanInfo(new MBeanInfo(info.getClassName(), info.getDescription(), attributes,
            info.getConstructors(), info.getOperations(), info.getNotifications(), info.getDescriptor()));
    }

    @Override
    public Object invoke(final String operation, final Object[] params, final String[] signature)
        throws MBeanException, ReflectionException
    {
        try
        {
            LocalCallers.check(localReadOnly, name, operation);
            return run(operation, () -> super.invoke(operation, params, signature));
        }
        catch (final MBeanException | ReflectionException ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            throw Failures.clean(operation, ex);
        }
    }

    private Object run(final String name, final java.util.concurrent.Callable<Object> call) throws Exception
    {
        final String who = CurrentSubject.who();
        try
        {
            return runner.run(name, () -> CurrentSubject.callAs(who, call));
        }
        catch (final java.util.concurrent.ExecutionException ex)
        {
            throw ex.getCause() instanceof Exception cause ? cause : ex;
        }
    }

    @Override
    protected String getDescription(final MBeanInfo info)
    {
        final Description d = type.getAnnotation(Description.class);
        return d == null ? super.getDescription(info) : d.value();
    }

    @Override
    protected String getDescription(final MBeanAttributeInfo info)
    {
        final Method getter = getter(info.getName());
        final Description d = getter == null ? null : getter.getAnnotation(Description.class);
        return d == null ? super.getDescription(info) : d.value();
    }

    @Override
    protected String getDescription(final MBeanOperationInfo info)
    {
        final Description d = annotation(info);
        return d == null ? super.getDescription(info) : d.value();
    }

    @Override
    protected int getImpact(final MBeanOperationInfo info)
    {
        final Description d = annotation(info);
        return d == null ? super.getImpact(info) : d.impact();
    }

    @Override
    protected String getParameterName(final MBeanOperationInfo op, final MBeanParameterInfo param, final int sequence)
    {
        final Param p = param(op, sequence);
        return p == null ? super.getParameterName(op, param, sequence) : p.name();
    }

    @Override
    protected String getDescription(final MBeanOperationInfo op, final MBeanParameterInfo param, final int sequence)
    {
        final Param p = param(op, sequence);
        return p == null ? super.getDescription(op, param, sequence) : p.description();
    }

    private Description annotation(final MBeanOperationInfo info)
    {
        final Method m = operation(info);
        return m == null ? null : m.getAnnotation(Description.class);
    }

    private Param param(final MBeanOperationInfo op, final int sequence)
    {
        final Method m = operation(op);
        if (m == null)
        {
            return null;
        }
        for (final var a : m.getParameterAnnotations()[sequence])
        {
            if (a instanceof Param p)
            {
                return p;
            }
        }
        return null;
    }

    private Method operation(final MBeanOperationInfo info)
    {
        for (final Method m : type.getMethods())
        {
            if (m.getName().equals(info.getName()) && m.getParameterCount() == info.getSignature().length)
            {
                return m;
            }
        }
        return null;
    }

    private Method getter(final String attribute)
    {
        for (final String prefix : new String[] {"get", "is"})
        {
            try
            {
                return type.getMethod(prefix + attribute);
            }
            catch (final NoSuchMethodException ignored)
            {
                // try the next prefix
            }
        }
        return null;
    }
}
