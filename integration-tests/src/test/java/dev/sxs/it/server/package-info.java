/**
 * sxs in real servers: Apache Tomcat and Eclipse Jetty distributions fetched by the build, started
 * with and without sxs on JDK 17 and Temurin 25, serving a webapp of the tests' own
 * ({@link dev.sxs.it.server.webapp}), driven over HTTP, the real CLI and {@code jcmd}; their logs
 * compared for warnings that only the start with sxs has.
 */
package dev.sxs.it.server;
