package dev.sxs.demo;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * How a host publishes to sxs without any sxs class: by name, through the platform MBean server, with
 * the channel MBean ({@code dev.sxs:type=Channel,name=A}, operation {@code publish(topic, payload)});
 * a runtime MBean offering {@code publish(channel, topic, payload)} (early agents) is used when no
 * channel MBean is registered. When sxs is not loaded (yet) nothing is published and
 * {@link #publish} says so; the service goes on either way.
 * <p>
 * Payloads are sxs text of one value: {@code "alice"} (a string), {@code 1999} (an integer).
 */
public final class SxsPublisher
{
    private static final String[] CHANNEL_SIGNATURE = {int.class.getName(), String.class.getName()};
    private static final String[] RUNTIME_SIGNATURE = {String.class.getName(), int.class.getName(),
        String.class.getName()};

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName runtime = name("dev.sxs:type=Runtime");

    /**
     * @return true when sxs is loaded in this JVM.
     */
    public boolean available()
    {
        return server.isRegistered(runtime);
    }

    /**
     * @param channel A..F.
     * @param topic   0..65535.
     * @param payload sxs text of one value.
     * @return {@code true} when sxs accepted it; else why not (an sxs error value, or "sxs not loaded").
     */
    public String publish(final String channel, final int topic, final String payload)
    {
        try
        {
            final ObjectName channelBean = name("dev.sxs:type=Channel,name=" + channel);
            if (server.isRegistered(channelBean))
            {
                return String.valueOf(server.invoke(channelBean, "publish", new Object[] {topic, payload},
                    CHANNEL_SIGNATURE));
            }
            if (server.isRegistered(runtime))
            {
                return String.valueOf(server.invoke(runtime, "publish", new Object[] {channel, topic, payload},
                    RUNTIME_SIGNATURE));
            }
            return "sxs not loaded";
        }
        catch (final JMException | RuntimeException ex)
        {
            return "publish failed: " + ex.getMessage();
        }
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
}
