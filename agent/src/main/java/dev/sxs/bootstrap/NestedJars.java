package dev.sxs.bootstrap;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The jars nested in the agent jar under {@value #PREFIX}, extracted once into a per-user cache folder
 * named after a hash of their names, sizes and CRCs (read from the jar's central directory, cheap).
 * <p>
 * Extraction goes to a private temporary folder that is then renamed atomically to its final name, so
 * two JVMs starting at once never see a half-written folder: the loser of the rename drops its copy and
 * uses the winner's. A cached folder whose files do not match is never trusted; a private copy is
 * extracted instead. The cache root is {@code sxs.cache.dir} when set, else {@code $XDG_CACHE_HOME/sxs}
 * or {@code ~/.cache/sxs}, else {@code <java.io.tmpdir>/sxs-<user>} when the home is not writable.
 * Folders of other builds that no running JVM uses are deleted ({@link CacheLease}).
 */
final class NestedJars
{
    /** Folder inside the agent jar holding the nested jars. */
    static final String PREFIX = "sxs-lib/";

    private final List<JarEntry> entries;
    private final String hash;

    private NestedJars(final List<JarEntry> entries, final String hash)
    {
        this.entries = entries;
        this.hash = hash;
    }

    /**
     * @param jar the agent jar.
     * @return its nested jars; none when the jar was built without them.
     * @throws IOException when the jar cannot be read.
     */
    static NestedJars of(final JarFile jar) throws IOException
    {
        final List<JarEntry> entries = new ArrayList<>();
        final Enumeration<JarEntry> all = jar.entries();
        while (all.hasMoreElements())
        {
            final JarEntry e = all.nextElement();
            if (!e.isDirectory() && e.getName().startsWith(PREFIX) && e.getName().endsWith(".jar"))
            {
                entries.add(e);
            }
        }
        entries.sort(Comparator.comparing(JarEntry::getName));
        try
        {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (final JarEntry e : entries)
            {
                digest.update((e.getName() + ':' + e.getSize() + ':' + e.getCrc() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            }
            final StringBuilder hex = new StringBuilder();
            final byte[] bytes = digest.digest();
            for (int i = 0; i < 10; i++)
            {
                hex.append(String.format("%02x", bytes[i] & 0xff));
            }
            return new NestedJars(entries, hex.toString());
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IOException("SHA-256 not available", ex);
        }
    }

    /**
     * @return how many jars are nested.
     */
    int count()
    {
        return entries.size();
    }

    /**
     * Extract (once) and return the jar files.
     *
     * @param jar the agent jar these entries came from.
     * @return the extracted jar files, in name order.
     * @throws IOException when no cache folder can be written.
     */
    List<Path> extract(final JarFile jar) throws IOException
    {
        final Path root = cacheRoot();
        final Path used = extractInto(jar, root);
        CacheLease.pruneOthers(root, used);
        return files(used);
    }

    private Path extractInto(final JarFile jar, final Path root) throws IOException
    {
        final Path target = root.resolve(CacheLease.FOLDER_PREFIX + hash);
        if (Files.isDirectory(target) && CacheLease.hold(target) && matches(target))
        {
            return target;
        }
        final Path temp = Files.createTempDirectory(root, CacheLease.FOLDER_PREFIX + hash + ".tmp-");
        // leased before it gets its final name: the lock stays on the lock file through the rename
        CacheLease.hold(temp);
        writeAll(jar, temp);
        try
        {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            CacheLease.renamed(temp, target);
            return target;
        }
        catch (final FileSystemException ex)
        {
            // another JVM won the race (or the name is taken by a damaged copy): use the right one
            if (CacheLease.hold(target) && matches(target))
            {
                deleteTree(temp);
                return target;
            }
            return temp;
        }
    }

    /**
     * @param files extracted jars.
     * @return them as files, in the same order, for the class loader.
     */
    static List<File> files(final List<Path> files)
    {
        final List<File> out = new ArrayList<>(files.size());
        for (final Path p : files)
        {
            out.add(p.toAbsolutePath().toFile());
        }
        return out;
    }

    private List<Path> files(final Path dir)
    {
        final List<Path> files = new ArrayList<>();
        for (final JarEntry e : entries)
        {
            files.add(dir.resolve(simpleName(e)));
        }
        return files;
    }

    private boolean matches(final Path dir)
    {
        if (!Files.isDirectory(dir))
        {
            return false;
        }
        try
        {
            for (final JarEntry e : entries)
            {
                final Path f = dir.resolve(simpleName(e));
                if (!Files.isRegularFile(f) || Files.size(f) != e.getSize())
                {
                    return false;
                }
            }
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private void writeAll(final JarFile jar, final Path dir) throws IOException
    {
        for (final JarEntry e : entries)
        {
            try (InputStream in = jar.getInputStream(e))
            {
                Files.copy(in, dir.resolve(simpleName(e)));
            }
        }
    }

    private static String simpleName(final JarEntry e)
    {
        return e.getName().substring(e.getName().lastIndexOf('/') + 1);
    }

    private static Path cacheRoot() throws IOException
    {
        final String explicit = System.getProperty("sxs.cache.dir");
        if (explicit != null && !explicit.isBlank())
        {
            return Files.createDirectories(Path.of(explicit));
        }
        final List<Path> candidates = new ArrayList<>();
        final String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank())
        {
            candidates.add(Path.of(xdg, "sxs"));
        }
        final String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && !home.equals("?"))
        {
            candidates.add(Path.of(home, ".cache", "sxs"));
        }
        candidates.add(Path.of(System.getProperty("java.io.tmpdir"), "sxs-" + System.getProperty("user.name", "user")));
        IOException last = null;
        for (final Path candidate : candidates)
        {
            try
            {
                final Path dir = Files.createDirectories(candidate);
                if (Files.isWritable(dir))
                {
                    return dir;
                }
            }
            catch (final IOException | SecurityException ex)
            {
                last = ex instanceof IOException io ? io : new IOException(ex);
            }
        }
        throw new IOException("no writable cache folder for the sxs jars (tried " + candidates + ")", last);
    }

    private static void deleteTree(final Path dir)
    {
        try (Stream<Path> walk = Files.walk(dir))
        {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final IOException ignored)
        {
            // a leftover temporary folder is harmless
        }
    }
}
