/**
 * The execution channel shared by a cluster: {@code core/exec/queue SCRIPT} hands a script to the
 * {@link dev.sxs.lang.exec.ClusterQueue} found in the interpreter's services (the NATS backend's work queue), so
 * that one JVM of the cluster runs it. Errors are values naming the command and what was wrong.
 */
package dev.sxs.lang.exec;
