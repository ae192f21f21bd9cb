package dev.sxs.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sxs.bootstrap.fixture.FirstOfPackage;
import dev.sxs.bootstrap.fixture.SecondOfPackage;

class SxsClassLoaderTest
{
    @TempDir
    Path dir;

    @Test
    void shouldFindAClassOfAPackageSplitOverTwoJars() throws Exception
    {
        final Path empty = jar("empty.jar");
        final Path first = jar("first.jar", FirstOfPackage.class);
        final Path second = jar("second.jar", SecondOfPackage.class);
        try (SxsClassLoader loader = new SxsClassLoader(List.of(empty.toFile(), first.toFile(), second.toFile()),
            ClassLoader.getPlatformClassLoader()))
        {
            // the first class ties the package to first.jar; the second is only in second.jar
            final Class<?> a = loader.loadClass(FirstOfPackage.class.getName());
            final Class<?> b = loader.loadClass(SecondOfPackage.class.getName());

            assertSame(loader, a.getClassLoader());
            assertSame(loader, b.getClassLoader());
            assertEquals("first", a.getDeclaredConstructor().newInstance().toString());
            assertEquals("second", b.getDeclaredConstructor().newInstance().toString());
            assertEquals(a.getPackage(), b.getPackage());
        }
    }

    @Test
    void shouldNotFindAClassOfAKnownPackageThatNoJarHolds() throws Exception
    {
        final Path first = jar("first.jar", FirstOfPackage.class);
        try (SxsClassLoader loader = new SxsClassLoader(List.of(first.toFile()), ClassLoader.getPlatformClassLoader()))
        {
            loader.loadClass(FirstOfPackage.class.getName());

            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(SecondOfPackage.class.getName()));
        }
    }

    @Test
    void shouldLoadNothingMoreOnceClosed() throws Exception
    {
        final Path both = jar("both.jar", FirstOfPackage.class, SecondOfPackage.class);
        final SxsClassLoader loader = new SxsClassLoader(List.of(both.toFile()), ClassLoader.getPlatformClassLoader());
        loader.loadClass(FirstOfPackage.class.getName());
        loader.close();

        assertThrows(ClassNotFoundException.class, () -> loader.loadClass(SecondOfPackage.class.getName()));
    }

    private Path jar(final String name, final Class<?>... classes) throws Exception
    {
        final Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)))
        {
            for (final Class<?> type : classes)
            {
                final String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new ZipEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry))
                {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
