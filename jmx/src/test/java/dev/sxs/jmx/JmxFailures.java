package dev.sxs.jmx;

import org.junit.jupiter.api.function.Executable;

import javax.management.RuntimeMBeanException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asserts that an MBean call failed as its JMX peers fail: a {@link RuntimeMBeanException} whose cause is
 * a JDK argument or state exception with sxs's message, no stack frames and no cause of its own.
 */
final class JmxFailures
{
    private JmxFailures()
    {
    }

    /**
     * @param call the MBean call.
     * @return the message of the exception it failed with.
     */
    static String messageOf(final Executable call)
    {
        final RuntimeMBeanException ex = assertThrows(RuntimeMBeanException.class, call);
        final Throwable cause = ex.getCause();
        assertNotNull(cause, ex.toString());
        assertTrue(cause.getClass() == IllegalArgumentException.class
            || cause.getClass() == IllegalStateException.class, ex.toString());
        assertEquals(0, cause.getStackTrace().length, "no sxs stack frames: " + ex);
        assertNull(cause.getCause(), ex.toString());
        for (final StackTraceElement frame : ex.getStackTrace())
        {
            assertTrue(!frame.getClassName().startsWith("dev.sxs.") || frame.getClassName().endsWith("Test")
                || frame.getClassName().startsWith("dev.sxs.jmx.JmxFailures"), "sxs frame " + frame);
        }
        return cause.getMessage();
    }
}
