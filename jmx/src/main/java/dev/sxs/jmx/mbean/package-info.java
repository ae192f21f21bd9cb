/**
 * The sxs MBeans (domain {@code dev.sxs}): Runtime, Channel (A..F and exec), Store and Journal, as
 * MXBeans whose types JConsole renders (strings, numbers, arrays, TabularData), with descriptions,
 * parameter names and impacts taken from {@link dev.sxs.jmx.mbean.Description} and
 * {@link dev.sxs.jmx.mbean.Param} annotations by {@link dev.sxs.jmx.mbean.DescribedMBean}.
 */
package dev.sxs.jmx.mbean;
