package dev.sxs.cli;

import java.lang.module.ModuleFinder;

/**
 * Facts about the Java the CLI runs on that decide whether a command can work.
 */
final class Environment
{
    private Environment()
    {
    }

    /**
     * @return why this Java cannot attach to other JVMs (no {@code jdk.attach} module), or null when it can.
     */
    static String missingAttach()
    {
        if (ModuleLayer.boot().findModule("jdk.attach").isPresent())
        {
            return null;
        }
        return "this Java (" + System.getProperty("java.home")
            + ") has no jdk.attach module; run the sxs CLI on a full JDK";
    }

    /**
     * @return why this Java cannot open a store (no {@code jdk.compiler}, which Chronicle Map needs),
     *         or null when it can.
     */
    static String missingCompiler()
    {
        if (ModuleLayer.boot().findModule("jdk.compiler").isPresent())
        {
            return null;
        }
        if (ModuleFinder.ofSystem().find("jdk.compiler").isPresent())
        {
            return "the module jdk.compiler is not resolved (Chronicle Map compiles code at run time): add "
                + "--add-modules jdk.compiler";
        }
        return "this Java (" + System.getProperty("java.home") + ") is a runtime without the jdk.compiler module, "
            + "which Chronicle Map needs to compile code at run time; use a full JDK";
    }
}
