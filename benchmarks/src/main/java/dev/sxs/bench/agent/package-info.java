/**
 * What loading sxs costs a host JVM, measured on real processes rather than in JMH: start-up time added
 * by {@code -javaagent} to the host's first line of output, CPU used while idle, and heap used with an
 * empty store, each against the same host without sxs measured in the same run
 * ({@link dev.sxs.bench.agent.AgentCost}; the host is {@link dev.sxs.bench.agent.CostHost}); and what it
 * costs real servers, Apache Tomcat and Eclipse Jetty, in CPU until started and resident memory
 * ({@link dev.sxs.bench.agent.ServerCost}, the servers are {@link dev.sxs.bench.agent.CostServer}).
 */
package dev.sxs.bench.agent;
