/**
 * Management of an sxs runtime: {@link dev.sxs.jmx.SxsManagement} registers every sxs MBean
 * (domain {@code dev.sxs}) and the Dropwizard metrics (domain {@code dev.sxs.metrics}) and returns
 * one handle that unregisters them all; {@link dev.sxs.jmx.ManagementOptions} carries {@code jmx.local}. Subpackages: {@code access} (role interfaces onto the
 * runtime), {@code mbean} (the MBeans), {@code metrics}, {@code audit}, {@code remote} (the secured
 * remote connector).
 */
package dev.sxs.jmx;
