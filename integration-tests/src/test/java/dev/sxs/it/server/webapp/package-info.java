/**
 * The classes of the test webapp that the server integration tests deploy into Apache Tomcat and
 * Eclipse Jetty (copied into its {@code WEB-INF/classes}): JDK and servlet API types only, so they
 * run in any Servlet 6 container, loaded by the container's webapp class loader.
 */
package dev.sxs.it.server.webapp;
