package dev.sxs.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NestedJarsTest
{
    @TempDir
    Path dir;

    private Path outer;
    private Path cache;

    @BeforeEach
    void setUp() throws Exception
    {
        cache = dir.resolve("cache");
        System.setProperty("sxs.cache.dir", cache.toString());
        outer = dir.resolve("outer.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(outer)))
        {
            put(out, "dev/sxs/bootstrap/X.class", "x");
            put(out, "sxs-lib/b.jar", "bbbb");
            put(out, "sxs-lib/a.jar", "aaaaaaaa");
            put(out, "sxs-lib/notes.txt", "not a jar");
        }
    }

    @AfterEach
    void tearDown()
    {
        System.clearProperty("sxs.cache.dir");
    }

    @Test
    void shouldExtractNestedJarsInNameOrderIntoAFolderNamedByTheirHash() throws Exception
    {
        try (JarFile jar = new JarFile(outer.toFile()))
        {
            final NestedJars nested = NestedJars.of(jar);
            assertEquals(2, nested.count());
            final List<Path> files = nested.extract(jar);
            assertEquals(List.of("a.jar", "b.jar"), names(files));
            assertEquals("aaaaaaaa", Files.readString(files.get(0)));
            assertEquals("bbbb", Files.readString(files.get(1)));
            assertTrue(files.get(0).getParent().getFileName().toString().startsWith("agent-"));
            assertEquals(cache, files.get(0).getParent().getParent());
        }
    }

    @Test
    void shouldReuseTheCacheOnTheSecondStart() throws Exception
    {
        try (JarFile jar = new JarFile(outer.toFile()))
        {
            final List<Path> first = NestedJars.of(jar).extract(jar);
            final long modified = Files.getLastModifiedTime(first.get(0)).toMillis();
            Files.setLastModifiedTime(first.get(0), java.nio.file.attribute.FileTime.fromMillis(modified - 60_000));
            final List<Path> second = NestedJars.of(jar).extract(jar);
            assertEquals(first, second);
            assertEquals(modified - 60_000, Files.getLastModifiedTime(second.get(0)).toMillis());
        }
    }

    @Test
    void shouldGiveEveryConcurrentStarterTheSameCompleteFolder() throws Exception
    {
        final int starters = 8;
        final ExecutorService pool = Executors.newFixedThreadPool(starters);
        final CountDownLatch go = new CountDownLatch(1);
        try
        {
            final List<Future<List<Path>>> results = new ArrayList<>();
            for (int i = 0; i < starters; i++)
            {
                final Callable<List<Path>> task = () ->
                {
                    go.await();
                    try (JarFile jar = new JarFile(outer.toFile()))
                    {
                        return NestedJars.of(jar).extract(jar);
                    }
                };
                results.add(pool.submit(task));
            }
            go.countDown();
            final List<Path> expected = results.get(0).get();
            for (final Future<List<Path>> r : results)
            {
                assertEquals(expected, r.get());
            }
            assertEquals("aaaaaaaa", Files.readString(expected.get(0)));
            try (var listing = Files.list(cache))
            {
                assertEquals(1, listing.count(), "losers of the race leave no temporary folder");
            }
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldNotTrustADamagedCache() throws Exception
    {
        try (JarFile jar = new JarFile(outer.toFile()))
        {
            final List<Path> first = NestedJars.of(jar).extract(jar);
            Files.writeString(first.get(1), "x");
            final List<Path> second = NestedJars.of(jar).extract(jar);
            assertNotEquals(first.get(1), second.get(1));
            assertArrayEquals("bbbb".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(second.get(1)));
        }
    }

    @Test
    void shouldKeyTheCacheByContent() throws Exception
    {
        final Path other = dir.resolve("other.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(other)))
        {
            put(out, "sxs-lib/a.jar", "aaaaaaab");
            put(out, "sxs-lib/b.jar", "bbbb");
        }
        try (JarFile one = new JarFile(outer.toFile()); JarFile two = new JarFile(other.toFile()))
        {
            assertNotEquals(NestedJars.of(one).extract(one).get(0).getParent(), NestedJars.of(two).extract(two).get(0)
                .getParent());
        }
    }

    @Test
    void shouldDeleteFoldersOfOtherBuildsThatNoRunningJvmUses() throws Exception
    {
        final Path old = Files.createDirectories(cache.resolve("agent-0123456789abcdef0123"));
        Files.writeString(old.resolve("sxs-runtime.jar"), "old build");
        try (JarFile jar = new JarFile(outer.toFile()))
        {
            final List<Path> files = NestedJars.of(jar).extract(jar);

            assertFalse(Files.exists(old));
            assertTrue(Files.isRegularFile(files.get(0)));
        }
    }

    @Test
    @SuppressWarnings("try") // the lock is held for its scope only: it marks the folder in use
    void shouldKeepFoldersThatAreLockedByARunningJvm() throws Exception
    {
        final Path inUse = Files.createDirectories(cache.resolve("agent-fedcba9876543210fedc"));
        try (FileChannel lease = FileChannel.open(inUse.resolve(CacheLease.LOCK_FILE),
            StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock ignored = lease.lock(0, Long.MAX_VALUE, true);
            JarFile jar = new JarFile(outer.toFile()))
        {
            NestedJars.of(jar).extract(jar);

            assertTrue(Files.isDirectory(inUse));
        }
    }

    @Test
    void shouldKeepTemporaryFoldersThatMayStillBeBeingWritten() throws Exception
    {
        final Path writing = Files.createDirectories(cache.resolve("agent-0123456789abcdef0123.tmp-42"));
        try (JarFile jar = new JarFile(outer.toFile()))
        {
            NestedJars.of(jar).extract(jar);

            assertTrue(Files.isDirectory(writing));
        }
    }

    @Test
    void shouldReuseItsOwnFolderAfterARestartInTheSameJvm() throws Exception
    {
        try (JarFile jar = new JarFile(outer.toFile()))
        {
            final List<Path> first = NestedJars.of(jar).extract(jar);
            final List<Path> again = NestedJars.of(jar).extract(jar);

            assertEquals(first, again);
            assertEquals(1, Files.list(cache).count());
        }
    }

    private static List<String> names(final List<Path> files)
    {
        final List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.getFileName().toString()));
        return names;
    }

    private static void put(final JarOutputStream out, final String name, final String text) throws Exception
    {
        out.putNextEntry(new ZipEntry(name));
        final OutputStream o = out;
        o.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
