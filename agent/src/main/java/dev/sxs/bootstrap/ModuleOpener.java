package dev.sxs.bootstrap;

import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Opens and exports the JDK internals Chronicle needs to the unnamed module of the sxs class loader
 * only, with {@link Instrumentation#redefineModule}, so a host started without any
 * {@code --add-opens} flag can run sxs. The package list is the jar manifest's {@code Add-Opens} and
 * {@code Add-Exports} (the same list {@code java -jar} applies), so there is one source of truth.
 * <p>
 * Threading: call once per class loader, from any thread. Failure: a module or package missing from
 * this JDK is skipped (Chronicle will then report what it lacks).
 */
final class ModuleOpener
{
    private ModuleOpener()
    {
    }

    /**
     * @param inst     the agent's instrumentation.
     * @param manifest the agent jar's manifest.
     * @param target   the class loader whose unnamed module receives the access.
     */
    static void open(final Instrumentation inst, final Manifest manifest, final ClassLoader target)
    {
        final Attributes main = manifest.getMainAttributes();
        final Map<String, Map<String, Set<Module>>> exports = new HashMap<>();
        final Map<String, Map<String, Set<Module>>> opens = new HashMap<>();
        final Module unnamed = target.getUnnamedModule();
        collect(main.getValue("Add-Exports"), exports, unnamed);
        collect(main.getValue("Add-Opens"), opens, unnamed);
        final Set<String> modules = new java.util.TreeSet<>(exports.keySet());
        modules.addAll(opens.keySet());
        for (final String name : modules)
        {
            final Optional<Module> module = ModuleLayer.boot().findModule(name);
            if (module.isEmpty() || !inst.isModifiableModule(module.get()))
            {
                continue;
            }
            inst.redefineModule(
                module.get(),
                Set.of(),
                present(module.get(), exports.getOrDefault(name, Map.of())),
                present(module.get(), opens.getOrDefault(name, Map.of())),
                Set.of(),
                Map.of());
        }
    }

    private static void collect(final String attribute, final Map<String, Map<String, Set<Module>>> into,
        final Module to)
    {
        if (attribute == null)
        {
            return;
        }
        for (final String entry : List.of(attribute.trim().split("\\s+")))
        {
            final int slash = entry.indexOf('/');
            if (slash > 0)
            {
                into.computeIfAbsent(entry.substring(0, slash), k -> new HashMap<>())
                    .put(entry.substring(slash + 1), Set.of(to));
            }
        }
    }

    private static Map<String, Set<Module>> present(final Module module, final Map<String, Set<Module>> packages)
    {
        final Map<String, Set<Module>> result = new HashMap<>();
        for (final Map.Entry<String, Set<Module>> e : packages.entrySet())
        {
            if (module.getPackages().contains(e.getKey()))
            {
                result.put(e.getKey(), e.getValue());
            }
        }
        return result;
    }
}
