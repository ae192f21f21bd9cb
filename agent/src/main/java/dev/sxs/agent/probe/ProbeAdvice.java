package dev.sxs.agent.probe;

import dev.sxs.bridge.ProbeBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The advice inlined into every probed method: at entry it asks the bridge whether the call is published; at
 * exit (returned or threw) it hands the call to the bridge only if so, so the arguments array and a boxed
 * result are made only for published calls. The code is copied into the host's class and refers to the bridge
 * (bootstrap loader) and JDK types only; {@code suppress} keeps any failure of the advice out of the host, and
 * the host's own exception propagates unchanged.
 */
final class ProbeAdvice
{
    private ProbeAdvice()
    {
    }

    /**
     * @param probe the probe's id.
     * @return the bridge's start marker.
     */
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@ProbeId final int probe)
    {
        return ProbeBridge.enter(probe);
    }

    /**
     * @param probe  the probe's id.
     * @param start  what {@link #enter} gave.
     * @param type   the declaring class's name.
     * @param method the method's name.
     * @param args   the arguments (made only when read).
     * @param result the return value, boxed (null for void).
     * @param thrown what the method threw, or null.
     */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@ProbeId final int probe, @Advice.Enter final long start, @Advice.Origin("#t") final String type,
        @Advice.Origin("#m") final String method, @Advice.AllArguments final Object[] args,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) final Object result, @Advice.Thrown final Throwable thrown)
    {
        if (start != ProbeBridge.SKIP)
        {
            ProbeBridge.exit(probe, type, method, args, result, thrown, start);
        }
    }
}
