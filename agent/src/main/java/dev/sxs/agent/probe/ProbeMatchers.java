package dev.sxs.agent.probe;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameMatches;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

import dev.sxs.lang.probe.ProbeException;
import dev.sxs.lang.probe.ProbeSpec;
import dev.sxs.lang.probe.ProbeTargets;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * What a probe instruments and how: the type and method matchers of its patterns, the classes no probe touches
 * (the boot and platform loaders', sxs's own loader's, and the refused name prefixes of {@link ProbeTargets}),
 * and the {@code AgentBuilder} that inlines {@link ProbeAdvice} with the probe's id bound as a constant.
 * Stateless.
 */
final class ProbeMatchers
{
    private static final ClassLoader SXS_LOADER = ProbeMatchers.class.getClassLoader();
    private static final ClassLoader PLATFORM_LOADER = ClassLoader.getPlatformClassLoader();

    private ProbeMatchers()
    {
    }

    /**
     * @param pattern a method name or pattern.
     * @return the methods a probe with it instruments: declared, non-abstract, non-native, not bridges or
     *         synthetic, not constructors.
     */
    static ElementMatcher.Junction<MethodDescription> methods(final String pattern)
    {
        final ElementMatcher.Junction<MethodDescription> base = isMethod().and(not(isAbstract())).and(not(isNative()))
            .and(not(isBridge())).and(not(isSynthetic()));
        return ProbeTargets.isPattern(pattern) ? base.and(nameMatches(ProbeTargets.regex(pattern)))
            : base.and(named(pattern));
    }

    /**
     * @param spec    the probe.
     * @param id      its id in the bridge's table.
     * @param methods the counting listener (its matcher is {@link #methods} of the spec).
     * @return the agent builder to install.
     */
    static AgentBuilder builder(final ProbeSpec spec, final int id, final MethodCount methods)
    {
        final ElementMatcher.Junction<TypeDescription> types = ProbeTargets.isPattern(spec.classPattern())
            ? nameMatches(ProbeTargets.regex(spec.classPattern())) : named(spec.classPattern());
        final Advice advice = Advice.withCustomMapping().bind(ProbeId.class, id).to(ProbeAdvice.class);
        final ElementMatcher.Junction<MethodDescription> matcher = methods(spec.methodPattern());
        return new AgentBuilder.Default()
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .with(methods)
            .ignore(ProbeMatchers::outsideTheHost)
            .type(types)
            .transform((builder, type, loader, module, domain) -> builder.visit(advice.on(matcher)));
    }

    /**
     * Refuse a plain class name whose only loaded copies are the JDK's or sxs's own (e.g. a library sxs uses
     * on its publish path): the probe would never fire, or would recurse.
     *
     * @param inst         the instrumentation.
     * @param classPattern the probe's class name or pattern (patterns are not checked here).
     * @throws ProbeException when the class is loaded, and only outside the host's loaders.
     */
    static void refuseLoadedOutsideTheHost(final Instrumentation inst, final String classPattern) throws ProbeException
    {
        if (ProbeTargets.isPattern(classPattern))
        {
            return;
        }
        boolean inHost = false;
        boolean outside = false;
        for (final Class<?> c : inst.getAllLoadedClasses())
        {
            if (c.getName().equals(classPattern))
            {
                if (isOutside(c.getClassLoader()))
                {
                    outside = true;
                }
                else
                {
                    inHost = true;
                }
            }
        }
        if (outside && !inHost)
        {
            throw new ProbeException("refused: " + classPattern + " is loaded by the JDK or by sxs itself, "
                + "not by the application (a probe there would recurse)");
        }
    }

    private static boolean outsideTheHost(final TypeDescription type, final ClassLoader loader, final JavaModule module,
        final Class<?> redefined, final ProtectionDomain domain)
    {
        return isOutside(loader) || ProbeTargets.refused(type.getName());
    }

    private static boolean isOutside(final ClassLoader loader)
    {
        return loader == null || loader == PLATFORM_LOADER || loader == SXS_LOADER;
    }
}
