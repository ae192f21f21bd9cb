/**
 * The sxs MBeans (domain {@code dev.sxs}): Runtime, Channel (A..F and exec), Store, Journal and Sessions,
 * as MXBeans whose types JConsole renders (strings, numbers, arrays, CompositeData, TabularData), with
 * descriptions, parameter names and impacts taken from {@link dev.sxs.jmx.mbean.Description} and
 * {@link dev.sxs.jmx.mbean.Param} annotations by {@link dev.sxs.jmx.mbean.DescribedMBean}, which also
 * turns every failure into a JDK exception with sxs's message and no stack frames
 * ({@link dev.sxs.jmx.mbean.Failures}) and applies {@code jmx.local=readonly}
 * ({@link dev.sxs.jmx.mbean.LocalCallers}). The Runtime MBean emits the
 * {@link dev.sxs.jmx.mbean.SxsNotifications} (through {@link dev.sxs.jmx.mbean.NotifyingMBean}; handler
 * errors found by the {@link dev.sxs.jmx.mbean.HandlerErrorWatch}).
 */
package dev.sxs.jmx.mbean;
