/**
 * Management integration tests: a forked host JVM with {@code -javaagent:sxs-agent.jar} and a real
 * remote JMX connector, driven by JMX clients in the test JVM.
 */
package dev.sxs.it.jmx;
