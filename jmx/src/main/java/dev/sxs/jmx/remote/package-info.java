/**
 * Remote JMX: the RMI connector sxs opens only when {@code jmx.port} is configured, always with
 * authentication (password file or JAAS), optionally with TLS (key store from {@code jmx.sslConfigFile}),
 * bound to loopback by default, and
 * with per-operation read-only / read-write roles enforced by an {@code MBeanServerForwarder}.
 */
package dev.sxs.jmx.remote;
