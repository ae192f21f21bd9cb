package dev.sxs.jmx;

import dev.sxs.jmx.mbean.HandlerErrorWatch;
import dev.sxs.runtime.JmxOptions;

/**
 * How the sxs MBeans behave beyond what the runtime's parts say. Immutable.
 *
 * @param localReadOnly            whether unauthenticated in-process callers may only read
 *                                 ({@code jmx.local=readonly}).
 * @param handlerErrorPeriodMillis at most one handler error notification per channel per this period.
 */
public record ManagementOptions(boolean localReadOnly, long handlerErrorPeriodMillis)
{
    /** Today's behaviour: in-process callers may write; handler errors notified every 10 s at most. */
    public static final ManagementOptions DEFAULTS =
        new ManagementOptions(JmxOptions.DEFAULT_LOCAL_READ_ONLY, HandlerErrorWatch.DEFAULT_PERIOD_MILLIS);

    /**
     * @param jmx the runtime's JMX settings.
     * @return the options they ask for, with the default notification period.
     */
    public static ManagementOptions of(final JmxOptions jmx)
    {
        return new ManagementOptions(jmx.localReadOnly(), HandlerErrorWatch.DEFAULT_PERIOD_MILLIS);
    }
}
