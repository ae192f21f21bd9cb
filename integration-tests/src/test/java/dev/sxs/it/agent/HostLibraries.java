package dev.sxs.it.agent;

import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * Uses the host's own copies of Byte Buddy, Dropwizard Metrics and Chronicle (older versions than sxs
 * carries, on the host's class path), reflectively, and reports which jar each class came from.
 */
final class HostLibraries
{
    private HostLibraries()
    {
    }

    /**
     * @return {@code <byte-buddy jar>,<metrics jar>,<chronicle jar>}, each after real use.
     * @throws Exception when a library is missing or fails.
     */
    static String useAll() throws Exception
    {
        final ClassLoader host = HostLibraries.class.getClassLoader();

        // Byte Buddy: define and load a subclass of Object
        final Class<?> byteBuddy = Class.forName("net.bytebuddy.ByteBuddy", true, host);
        final Object builder = byteBuddy.getMethod("subclass", Class.class)
            .invoke(byteBuddy.getConstructor().newInstance(), Object.class);
        final Object unloaded = builder.getClass().getMethod("make").invoke(builder);
        final Method load = unloaded.getClass().getMethod("load", ClassLoader.class);
        final Object loaded = load.invoke(unloaded, host);
        final Class<?> made = (Class<?>)loaded.getClass().getMethod("getLoaded").invoke(loaded);
        made.getConstructor().newInstance();

        // Metrics: a registry with a counter
        final Class<?> registryClass = Class.forName("com.codahale.metrics.MetricRegistry", true, host);
        final Object registry = registryClass.getConstructor().newInstance();
        final Object counter = registryClass.getMethod("counter", String.class).invoke(registry, "host.orders");
        counter.getClass().getMethod("inc").invoke(counter);
        if ((Long)counter.getClass().getMethod("getCount").invoke(counter) != 1L)
        {
            throw new IllegalStateException("host counter broken");
        }

        // Chronicle: a class of the host's chronicle-core
        final Class<?> chronicle = Class.forName("net.openhft.chronicle.core.util.Histogram", true, host);
        final Object histogram = chronicle.getConstructor().newInstance();
        chronicle.getMethod("sample", double.class).invoke(histogram, 1.0);

        return jar(byteBuddy) + "," + jar(registryClass) + "," + jar(chronicle);
    }

    private static String jar(final Class<?> type) throws Exception
    {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    }
}
