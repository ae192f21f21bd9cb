package dev.sxs.agent.probe;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Map;

import dev.sxs.lang.probe.ProbeException;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Defines {@code dev.sxs.bridge.ProbeBridge} in the bootstrap class loader, once per JVM, and plugs sxs in and
 * out of it. The bridge's bytes come from sxs's own jar; sxs never loads the class itself under its own loader
 * (it names it only as a string here), so the one class the advice and sxs meet at is the bootstrap one.
 * <p>
 * How: {@code jdk.internal.misc.Unsafe.defineClass} with the boot loader (the bootstrap exports that package to
 * sxs's loader only), so no file is written; where that is not possible, Byte Buddy's
 * {@code ClassInjector.UsingInstrumentation} with a jar in {@code <data>/probes} (never the host's home or
 * temporary folder). Threading: {@link #define} is serialised. Failure: a {@link ProbeException} saying why.
 */
final class BridgeClass
{
    /** The bridge's binary name. */
    static final String NAME = "dev.sxs.bridge.ProbeBridge";
    /** The gate's type: {@code (int) long}. */
    static final MethodType GATE = MethodType.methodType(long.class, int.class);
    /** The sink's type. */
    static final MethodType SINK = MethodType.methodType(void.class, int.class, String.class, String.class,
        Object[].class, Object.class, Throwable.class, long.class);

    private BridgeClass()
    {
    }

    /**
     * @param inst    the instrumentation (for the jar fallback).
     * @param dataDir sxs's data folder, or null (then only the in-memory way is tried).
     * @return the bridge class in the bootstrap loader.
     * @throws ProbeException when it cannot be defined.
     */
    static synchronized Class<?> define(final Instrumentation inst, final Path dataDir) throws ProbeException
    {
        final Class<?> existing = loaded();
        if (existing != null)
        {
            return existing;
        }
        final byte[] bytes = bytes();
        Throwable first;
        try
        {
            final Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
            final Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
            final Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class,
                int.class, ClassLoader.class, ProtectionDomain.class);
            return (Class<?>)define.invoke(unsafe, NAME, bytes, 0, bytes.length, null, null);
        }
        catch (final ReflectiveOperationException | RuntimeException | LinkageError ex)
        {
            first = ex;
        }
        if (dataDir != null)
        {
            try
            {
                final Path folder = Files.createDirectories(dataDir.resolve("probes"));
                ClassInjector.UsingInstrumentation.of(folder.toFile(),
                    ClassInjector.UsingInstrumentation.Target.BOOTSTRAP, inst).injectRaw(Map.of(NAME, bytes));
                final Class<?> injected = loaded();
                if (injected != null)
                {
                    return injected;
                }
            }
            catch (final IOException | RuntimeException | LinkageError ex)
            {
                first = ex;
            }
        }
        throw new ProbeException("probes are not available: the bridge class cannot be defined in this JVM ("
            + first.getMessage() + ")");
    }

    /**
     * Plug handles into the bridge.
     *
     * @param bridge the bridge class.
     * @param gate   of type {@link #GATE}.
     * @param sink   of type {@link #SINK}.
     * @throws ProbeException when the bridge does not take them.
     */
    static void connect(final Class<?> bridge, final MethodHandle gate, final MethodHandle sink) throws ProbeException
    {
        try
        {
            MethodHandles.publicLookup().findStatic(bridge, "connect", MethodType.methodType(void.class,
                MethodHandle.class, MethodHandle.class)).invoke(gate, sink);
        }
        catch (final Throwable t)
        {
            throw new ProbeException("probes are not available: the bridge refused sxs (" + t + ")");
        }
    }

    /**
     * Unplug sxs from the bridge. Never throws.
     *
     * @param bridge the bridge class.
     */
    static void disconnect(final Class<?> bridge)
    {
        try
        {
            MethodHandles.publicLookup().findStatic(bridge, "disconnect", MethodType.methodType(void.class)).invoke();
        }
        catch (final Throwable t)
        {
            System.err.println("[sxs] could not unplug the probe bridge: " + t);
        }
    }

    private static Class<?> loaded()
    {
        try
        {
            return Class.forName(NAME, false, null);
        }
        catch (final ClassNotFoundException ex)
        {
            return null;
        }
    }

    private static byte[] bytes() throws ProbeException
    {
        try (InputStream in = BridgeClass.class.getClassLoader().getResourceAsStream(NAME.replace('.', '/')
            + ".class"))
        {
            if (in == null)
            {
                throw new ProbeException("probes are not available: the bridge class is missing from sxs's jar");
            }
            return in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new ProbeException("probes are not available: cannot read the bridge class (" + ex.getMessage()
                + ")");
        }
    }
}
