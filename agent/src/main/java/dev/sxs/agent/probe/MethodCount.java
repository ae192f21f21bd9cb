package dev.sxs.agent.probe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Counts the methods one probe has instrumented: a class counts once per class loader, however often it is
 * retransformed (each later probe and each reset retransforms it again). Also reports classes Byte Buddy could
 * not transform, as one line on stderr.
 * <p>
 * Threading: Byte Buddy calls it on whichever thread loads or retransforms a class; {@link #total} from any.
 */
final class MethodCount extends AgentBuilder.Listener.Adapter
{
    private final ElementMatcher<? super MethodDescription> methods;
    private final Map<String, Integer> byClass = new ConcurrentHashMap<>();

    /**
     * @param methods the probe's method matcher.
     */
    MethodCount(final ElementMatcher<? super MethodDescription> methods)
    {
        this.methods = methods;
    }

    @Override
    public void onTransformation(final TypeDescription type, final ClassLoader loader, final JavaModule module,
        final boolean loaded, final DynamicType dynamicType)
    {
        byClass.put(type.getName() + "@" + System.identityHashCode(loader),
            type.getDeclaredMethods().filter(methods).size());
    }

    @Override
    public void onError(final String typeName, final ClassLoader loader, final JavaModule module, final boolean loaded,
        final Throwable error)
    {
        System.err.println("[sxs] probe could not instrument " + typeName + ": " + error);
    }

    /** @return the methods instrumented so far. */
    int total()
    {
        int sum = 0;
        for (final int n : byClass.values())
        {
            sum += n;
        }
        return sum;
    }
}
