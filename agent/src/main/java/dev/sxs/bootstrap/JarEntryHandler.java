package dev.sxs.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Opens the {@code jar:} URLs of {@link SxsClassLoader}'s resources from the loader's own open jar, not
 * through the JDK's process-wide jar cache, which would keep every sxs jar open in the host after
 * {@code stop}.
 * <p>
 * Threading: safe from any thread (reads go through {@link JarFile}, which is). Failure: reading after
 * the loader closed gives an {@link IOException}.
 */
final class JarEntryHandler extends URLStreamHandler
{
    private final JarFile jar;

    /**
     * @param jar the open jar whose entries this handler's URLs name.
     */
    JarEntryHandler(final JarFile jar)
    {
        this.jar = jar;
    }

    @Override
    protected URLConnection openConnection(final URL url)
    {
        return new EntryConnection(url, jar);
    }

    /** One entry of the jar, read on demand. */
    private static final class EntryConnection extends URLConnection
    {
        private final JarFile jar;

        EntryConnection(final URL url, final JarFile jar)
        {
            super(url);
            this.jar = jar;
        }

        @Override
        public void connect()
        {
            connected = true;
        }

        @Override
        public InputStream getInputStream() throws IOException
        {
            final String spec = getURL().getFile();
            final String name = spec.substring(spec.indexOf("!/") + 2);
            final JarEntry entry = jar.getJarEntry(name);
            if (entry == null)
            {
                throw new IOException("no entry " + name + " in " + jar.getName());
            }
            connect();
            return jar.getInputStream(entry);
        }
    }
}
