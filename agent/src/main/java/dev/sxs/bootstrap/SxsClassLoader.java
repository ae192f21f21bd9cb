package dev.sxs.bootstrap;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.SecureClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;

/**
 * The class loader of everything sxs runs: the sxs runtime, the agent and CLI classes and every
 * dependency (Chronicle, Byte Buddy, Metrics, picocli), loaded from the extracted nested jars.
 * <p>
 * In agent mode its parent is the platform class loader, so the host's classes (and the host's own
 * copies of the same libraries) are invisible to sxs, and nothing of sxs is visible to the host. A distinct
 * type so operators and tests can count live instances ({@code jcmd PID GC.class_histogram}): after
 * {@code stop} and a GC none should remain.
 * <p>
 * Deliberately not a {@code URLClassLoader}: Chronicle Wire copies the URLs of a {@code URLClassLoader}
 * that loads it into the host's {@code java.class.path} ({@code Jvm.addToClassPath}), and servlet
 * containers scan every entry of that property for every webapp they deploy. Reading the jars here keeps
 * the host's system properties untouched.
 * <p>
 * Threading: parallel capable; classes and resources may be loaded from any thread. Failure: a jar that
 * cannot be read gives a {@link ClassNotFoundException} for the classes in it; {@link #close()} releases
 * every jar (the loader is then unusable).
 */
public final class SxsClassLoader extends SecureClassLoader implements Closeable
{
    static
    {
        ClassLoader.registerAsParallelCapable();
    }

    private final List<JarFile> jars = new ArrayList<>();
    private final List<URL> jarUrls = new ArrayList<>();
    private final List<JarEntryHandler> handlers = new ArrayList<>();
    private final List<ProtectionDomain> domains = new ArrayList<>();
    private final List<Manifest> manifests = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param files  the extracted jars, in lookup order.
     * @param parent the platform class loader in agent mode; the system class loader for the CLI, whose
     *               JVM is sxs's own and whose tools need {@code jdk.attach} (defined to that loader).
     * @throws IOException when a jar cannot be opened (those opened so far are closed again).
     */
    SxsClassLoader(final List<File> files, final ClassLoader parent) throws IOException
    {
        super("sxs", parent);
        try
        {
            for (final File file : files)
            {
                final JarFile jar = new JarFile(file, false, ZipFile.OPEN_READ, Runtime.version());
                jars.add(jar);
                final URL url = file.toURI().toURL();
                jarUrls.add(url);
                handlers.add(new JarEntryHandler(jar));
                domains.add(new ProtectionDomain(new CodeSource(url, (CodeSigner[])null), null, this, null));
                manifests.add(jar.getManifest());
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            close();
            throw ex;
        }
    }

    @Override
    protected Class<?> findClass(final String name) throws ClassNotFoundException
    {
        final String path = name.replace('.', '/') + ".class";
        for (int i = 0; i < jars.size() && !closed; i++)
        {
            final JarFile jar = jars.get(i);
            final JarEntry entry = jar.getJarEntry(path);
            if (entry == null)
            {
                continue;
            }
            final byte[] bytes;
            try (InputStream in = jar.getInputStream(entry))
            {
                bytes = in.readAllBytes();
            }
            catch (final IOException ex)
            {
                throw new ClassNotFoundException(name + " (cannot read " + jar.getName() + ": " + ex + ")", ex);
            }
            definePackageOf(name, i);
            return defineClass(name, bytes, 0, bytes.length, domains.get(i));
        }
        throw new ClassNotFoundException(name);
    }

    private void definePackageOf(final String className, final int jarIndex)
    {
        final int dot = className.lastIndexOf('.');
        if (dot < 0)
        {
            return;
        }
        final String packageName = className.substring(0, dot);
        if (getDefinedPackage(packageName) != null)
        {
            return;
        }
        final Manifest manifest = manifests.get(jarIndex);
        final Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        try
        {
            definePackage(packageName,
                main.getValue(Attributes.Name.SPECIFICATION_TITLE),
                main.getValue(Attributes.Name.SPECIFICATION_VERSION),
                main.getValue(Attributes.Name.SPECIFICATION_VENDOR),
                main.getValue(Attributes.Name.IMPLEMENTATION_TITLE),
                main.getValue(Attributes.Name.IMPLEMENTATION_VERSION),
                main.getValue(Attributes.Name.IMPLEMENTATION_VENDOR),
                null);
        }
        catch (final IllegalArgumentException raced)
        {
            // another thread defined it first: the same package, nothing to do
        }
    }

    @Override
    protected URL findResource(final String name)
    {
        for (int i = 0; i < jars.size() && !closed; i++)
        {
            final URL url = resourceUrl(i, name);
            if (url != null)
            {
                return url;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(final String name)
    {
        final List<URL> found = new ArrayList<>();
        for (int i = 0; i < jars.size() && !closed; i++)
        {
            final URL url = resourceUrl(i, name);
            if (url != null)
            {
                found.add(url);
            }
        }
        return Collections.enumeration(found);
    }

    private URL resourceUrl(final int jarIndex, final String name)
    {
        final String entryName = name.startsWith("/") ? name.substring(1) : name;
        final JarEntry entry = jars.get(jarIndex).getJarEntry(entryName);
        if (entry == null)
        {
            return null;
        }
        try
        {
            // the real (possibly versioned) entry name, so the URL reads what findClass would
            return new URL(null, "jar:" + jarUrls.get(jarIndex) + "!/" + entry.getRealName(), handlers.get(jarIndex));
        }
        catch (final MalformedURLException ex)
        {
            return null;
        }
    }

    /**
     * Close every jar. Classes already loaded keep working; loading more fails.
     */
    @Override
    public void close()
    {
        closed = true;
        for (final JarFile jar : jars)
        {
            try
            {
                jar.close();
            }
            catch (final IOException ignored)
            {
                // released when collected
            }
        }
    }
}
