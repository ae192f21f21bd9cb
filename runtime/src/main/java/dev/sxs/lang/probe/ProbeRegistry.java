package dev.sxs.lang.probe;

import java.util.List;

/**
 * The role through which probes on host methods are installed, removed and listed: by the
 * {@code core/probe/*} commands, the agent's {@code probes=} file, JMX and the CLI. The agent implements it
 * with Byte Buddy; it is found in the interpreter's services under {@code ProbeRegistry.class}.
 * <p>
 * Threading: every method is safe from any thread. Failure: only {@link #on} reports a problem, as a
 * {@link ProbeException} carrying the user's message.
 */
public interface ProbeRegistry
{
    /**
     * Install a probe: every matching method of classes loaded now and later publishes one event per call.
     *
     * @param spec what to probe and where its events go.
     * @return the number of methods instrumented so far (0 when no matching class is loaded yet).
     * @throws ProbeException when the target is refused (the JDK, sxs itself), a probe on the same class and
     *                        method patterns is on already, or the instrumentation fails.
     */
    int on(ProbeSpec spec) throws ProbeException;

    /**
     * Remove the probe of these patterns (exactly as given to {@link #on}) and restore the original bytecode of
     * the classes it changed.
     *
     * @param classPattern  the class name or pattern.
     * @param methodPattern the method name or {@code *}.
     * @return 1 when a probe was removed, 0 when none was on.
     */
    int off(String classPattern, String methodPattern);

    /** @return the probes that are on, in the order they were installed, with their counts. */
    List<ProbeInfo> list();
}
