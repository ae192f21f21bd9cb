package dev.sxs.jmx.mbean;

import java.util.concurrent.Callable;

/**
 * Where the work of an MBean call runs. In a host JVM the agent runs every sxs MBean call on its own
 * daemon threads ({@code sxs-mgmt-N}), so no host or JMX thread ever runs Chronicle code; tests and
 * library users run calls directly.
 */
@FunctionalInterface
public interface CallRunner
{
    /** Runs the call on the calling thread. */
    CallRunner DIRECT = (name, call) -> call.call();

    /**
     * Run one call and return its result.
     *
     * @param name the attribute or operation name (a runner may run some, e.g. {@code stop}, directly).
     * @param call the MBean work.
     * @return its result.
     * @throws Exception what the call threw, or why it could not run (e.g. a timeout).
     */
    Object run(String name, Callable<Object> call) throws Exception;
}
