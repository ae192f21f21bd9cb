package dev.sxs.kv;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The precompiled Chronicle Values class must be exactly what Chronicle would generate at run time,
 * and Chronicle must pick it up instead of compiling its own.
 */
class NativeStateSourceTest
{
    private static final String INTERFACE = "net.openhft.chronicle.hash.VanillaGlobalMutableState";
    private static final Path SOURCE =
        Path.of("src/main/java/net/openhft/chronicle/hash/VanillaGlobalMutableState$$Native.java");

    @Test
    void shouldMatchWhatChronicleValuesGeneratesForThisVersion() throws Exception
    {
        final Class<?> modelClass = Class.forName("net.openhft.chronicle.values.ValueModel");
        final Object model = modelClass.getMethod("acquire", Class.class).invoke(null, Class.forName(INTERFACE));
        final Method generate = Class.forName("net.openhft.chronicle.values.Generators")
            .getDeclaredMethod("generateNativeClass", modelClass, String.class);
        generate.setAccessible(true);
        final String generated = (String)generate.invoke(null, model, "VanillaGlobalMutableState$$Native");

        final String committed = Files.readAllLines(SOURCE, StandardCharsets.UTF_8).stream()
            .filter(line -> !line.startsWith("//") && !line.startsWith("@SuppressWarnings"))
            .collect(Collectors.joining("\n", "", "\n"));

        assertEquals(generated.strip(), committed.strip(),
            "Chronicle Values generates a different class now; replace " + SOURCE + " with:\n" + generated);
    }

    @Test
    void shouldBeTheClassChronicleValuesUses() throws Exception
    {
        final Class<?> nativeClass = (Class<?>)Class.forName("net.openhft.chronicle.values.Values")
            .getMethod("nativeClassFor", Class.class).invoke(null, Class.forName(INTERFACE));

        assertSame(Class.forName(INTERFACE + "$$Native"), nativeClass);
    }
}
