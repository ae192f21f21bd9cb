package dev.sxs.jmx.mbean;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.InvalidAttributeValueException;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanRegistration;
import javax.management.MBeanServer;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.ReflectionException;

/**
 * A {@link DescribedMBean} that also emits {@link SxsNotifications}: attributes, operations and
 * registration go to the described MBean, listeners to the notifications, whose kinds the MBeanInfo lists.
 * The first listener starts the {@link HandlerErrorWatch}. Only {@code dev.sxs:type=Runtime} is one, so
 * JConsole shows a Notifications node there alone. Thread-safe like its parts.
 */
public final class NotifyingMBean implements DynamicMBean, NotificationEmitter, MBeanRegistration
{
    private final DescribedMBean<?> mbean;
    private final SxsNotifications notifications;
    private final HandlerErrorWatch watch;
    private volatile MBeanInfo info;

    /**
     * @param mbean         the described MBean.
     * @param notifications what it emits.
     * @param watch         started by the first listener.
     */
    public NotifyingMBean(final DescribedMBean<?> mbean, final SxsNotifications notifications,
        final HandlerErrorWatch watch)
    {
        this.mbean = mbean;
        this.notifications = notifications;
        this.watch = watch;
    }

    @Override
    public Object getAttribute(final String attribute)
        throws AttributeNotFoundException, MBeanException, ReflectionException
    {
        return mbean.getAttribute(attribute);
    }

    @Override
    public void setAttribute(final Attribute attribute)
        throws AttributeNotFoundException, InvalidAttributeValueException, MBeanException, ReflectionException
    {
        mbean.setAttribute(attribute);
    }

    @Override
    public AttributeList getAttributes(final String[] attributes)
    {
        return mbean.getAttributes(attributes);
    }

    @Override
    public AttributeList setAttributes(final AttributeList attributes)
    {
        return mbean.setAttributes(attributes);
    }

    @Override
    public Object invoke(final String operation, final Object[] params, final String[] signature)
        throws MBeanException, ReflectionException
    {
        return mbean.invoke(operation, params, signature);
    }

    @Override
    public MBeanInfo getMBeanInfo()
    {
        MBeanInfo known = info;
        if (known == null)
        {
            final MBeanInfo described = mbean.getMBeanInfo();
            known = new MBeanInfo(described.getClassName(), described.getDescription(), described.getAttributes(),
                described.getConstructors(), described.getOperations(), notifications.getNotificationInfo(),
                described.getDescriptor());
            info = known;
        }
        return known;
    }

    @Override
    public void addNotificationListener(final NotificationListener listener, final NotificationFilter filter,
        final Object handback)
    {
        notifications.addNotificationListener(listener, filter, handback);
        watch.start();
    }

    @Override
    public void removeNotificationListener(final NotificationListener listener) throws ListenerNotFoundException
    {
        notifications.removeNotificationListener(listener);
    }

    @Override
    public void removeNotificationListener(final NotificationListener listener, final NotificationFilter filter,
        final Object handback) throws ListenerNotFoundException
    {
        notifications.removeNotificationListener(listener, filter, handback);
    }

    @Override
    public MBeanNotificationInfo[] getNotificationInfo()
    {
        return notifications.getNotificationInfo();
    }

    @Override
    public ObjectName preRegister(final MBeanServer server, final ObjectName name) throws Exception
    {
        return mbean.preRegister(server, name);
    }

    @Override
    public void postRegister(final Boolean registrationDone)
    {
        mbean.postRegister(registrationDone);
    }

    @Override
    public void preDeregister() throws Exception
    {
        mbean.preDeregister();
    }

    @Override
    public void postDeregister()
    {
        mbean.postDeregister();
    }
}
