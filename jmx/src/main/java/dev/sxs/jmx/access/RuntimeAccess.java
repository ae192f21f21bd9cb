package dev.sxs.jmx.access;

import dev.sxs.gateway.ScriptSubmission;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the {@code type=Runtime} MBean needs from a runtime. Threading: every method may be called
 * from any JMX thread at any time. Failure: {@link #eval} returns the script's own errors as printed
 * error values and throws only when it could not get an answer.
 */
public interface RuntimeAccess
{
    /** @return {@code running}, or {@code stopped} once stopping began. */
    default String status()
    {
        return "running";
    }

    /** @return the sxs version. */
    String version();

    /** @return when the runtime started, epoch milliseconds. */
    long startedAtMillis();

    /** @return the data folder, or null when the runtime keeps everything in memory. */
    Path dataFolder();

    /** @return every setting, key to value text, in a stable order. */
    Map<String, String> configuration();

    /**
     * Evaluate a script through the runtime's gateway and wait for it. Interrupting the waiting thread (a
     * management call that timed out) cancels the script, so its processor moves on.
     *
     * @param submission the script, who submits it and in which session and scope.
     * @return the canonical printed value of each top-level form (a single read error when unreadable).
     * @throws IllegalStateException when the script was cancelled or failed without a value.
     */
    List<String> eval(ScriptSubmission submission);

    /**
     * Stop the runtime (and unload sxs when it runs as an agent).
     *
     * @return what happened, e.g. {@code stopped}.
     */
    String stop();
}
