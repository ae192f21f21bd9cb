package dev.sxs.agent;

import java.lang.instrument.Instrumentation;

/**
 * Inner entry point of agent mode, called reflectively by the bootstrap on the {@code sxs-boot} thread.
 */
public final class AgentMain
{
    private AgentMain()
    {
    }

    /**
     * Start sxs in this JVM. Never throws.
     *
     * @param args    the agent arguments, may be null.
     * @param inst    the instrumentation.
     * @param premain true when loaded at JVM start, false when attached.
     */
    public static void start(final String args, final Instrumentation inst, final boolean premain)
    {
        System.setProperty("sxs.status", "running");
    }
}
