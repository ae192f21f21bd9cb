package dev.sxs.jmx.remote;

import javax.management.ObjectName;
import java.util.Set;

/**
 * Which MBean operations a {@link Role#READONLY} user may invoke. The JDK's own access controller
 * treats every operation as a write; sxs knows its read operations by name and allows exactly those,
 * on its own domain only. Every other operation, on any MBean, needs {@link Role#READWRITE}.
 * Stateless and thread-safe.
 */
public final class OperationPolicy
{
    /** Domain of the sxs MBeans. */
    public static final String SXS_DOMAIN = "dev.sxs";

    /**
     * Operations of the sxs MBeans that only read: {@code get}, {@code keys}, {@code topics}, {@code tail}, and the
     * Tasks MBean's {@code list} and {@code show}.
     */
    public static final Set<String> READ_OPERATIONS = Set.of("get", "keys", "topics", "tail", "list", "show");

    private OperationPolicy()
    {
    }

    /**
     * @param name      the MBean.
     * @param operation the operation name.
     * @return true when a read-only user may invoke it.
     */
    public static boolean isReadOperation(final ObjectName name, final String operation)
    {
        return name != null && SXS_DOMAIN.equals(name.getDomain()) && READ_OPERATIONS.contains(operation);
    }
}
