package dev.sxs.lang.exec;

/**
 * A work queue of scripts shared by every JVM of a cluster: each queued script is taken by one of them and run
 * there through its gateway, as the entity that queued it, in the scope it was queued from. Delivery is
 * at least once: a script is acknowledged after it ran, and one whose JVM died before that is run again
 * elsewhere. Threading: any thread.
 */
public interface ClusterQueue
{
    /**
     * Queue a script; returns once the cluster has stored it.
     *
     * @param source the script text.
     * @param scope  the scope it runs in ("" for the root).
     * @param entity the id of the entity it runs as.
     * @return the queue's sequence number of the script.
     * @throws RuntimeException when the cluster refuses it or does not answer in time, with a message a user can
     *                          act on.
     */
    long enqueue(String source, String scope, String entity);
}
