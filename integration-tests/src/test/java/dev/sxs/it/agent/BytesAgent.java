package dev.sxs.it.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.sun.tools.attach.VirtualMachine;

/**
 * A test agent of the probe tests' host: reports a class's bytes as the JVM holds them now. The host loads it
 * into itself for each question (a jar the test writes, named by the system property {@value #JAR_PROPERTY};
 * the host runs with {@code -Djdk.attach.allowAttachSelf=true}), so its transformer is the JVM's last one and
 * sees the output of sxs's: it retransforms every loaded class of the name (in any class loader) with a transformer
 * that only looks, writes the bytes of the first to the file named by {@value #OUT_PROPERTY} (read with
 * {@link ClassCode}), of the next ones to that name followed by {@code .1}, {@code .2}..., and answers, per
 * class, their hash, whether they name the probe bridge, and their length (comma-separated).
 */
public final class BytesAgent
{
    /** System property of the host naming the agent's jar. */
    static final String JAR_PROPERTY = "bytes.agent";
    /** System property of the host naming the file the last bytes are written to. */
    static final String OUT_PROPERTY = "bytes.out";

    private static final AtomicReference<String> LAST = new AtomicReference<>();

    private BytesAgent()
    {
    }

    /**
     * @param jar      where to write the agent's jar: only its manifest (its class is on the host's class path).
     * @param captured the file the host writes the last bytes to.
     * @return the host's JVM flags for this agent (with self-attach).
     * @throws IOException when the jar cannot be written.
     */
    static List<String> hostFlags(final Path jar, final Path captured) throws IOException
    {
        final Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Agent-Class", BytesAgent.class.getName());
        manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest))
        {
            out.finish();
        }
        return List.of("-Djdk.attach.allowAttachSelf=true", "-D" + JAR_PROPERTY + "=" + jar,
            "-D" + OUT_PROPERTY + "=" + captured);
    }

    /**
     * Hash the bytes of the class named by {@code args} as the JVM's transformers, sxs's included, make them now.
     *
     * @param args the class's name (on the host's class path).
     * @param inst this load's instrumentation.
     * @throws Exception when the class cannot be retransformed.
     */
    public static void agentmain(final String args, final Instrumentation inst) throws Exception
    {
        final List<Class<?>> types = new ArrayList<>();
        for (final Class<?> loaded : inst.getAllLoadedClasses())
        {
            if (loaded.getName().equals(args))
            {
                types.add(loaded);
            }
        }
        if (types.isEmpty())
        {
            types.add(Class.forName(args));
        }
        final Map<Class<?>, byte[]> seen = new ConcurrentHashMap<>();
        final ClassFileTransformer look = new ClassFileTransformer()
        {
            @Override
            public byte[] transform(final ClassLoader loader, final String name, final Class<?> redefined,
                final ProtectionDomain domain, final byte[] bytes)
            {
                if (redefined != null && types.contains(redefined))
                {
                    seen.put(redefined, bytes.clone());
                }
                return null;
            }
        };
        inst.addTransformer(look, true);
        try
        {
            inst.retransformClasses(types.toArray(new Class<?>[0]));
        }
        finally
        {
            inst.removeTransformer(look);
        }
        final Path out = Path.of(System.getProperty(OUT_PROPERTY));
        for (int i = 0; i < types.size(); i++)
        {
            Files.write(i == 0 ? out : out.resolveSibling(out.getFileName() + "." + i), seen.get(types.get(i)));
        }
        final StringJoiner answer = new StringJoiner(",");
        for (final Class<?> type : types)
        {
            final byte[] bytes = seen.get(type);
            final boolean refersToSxs = new String(bytes, StandardCharsets.ISO_8859_1).contains("dev/sxs/bridge");
            answer.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + " "
                + (refersToSxs ? "sxs" : "plain") + " " + bytes.length);
        }
        LAST.set(answer.toString());
    }

    static String hash(final Class<?> type) throws Exception
    {
        return hash(type.getName());
    }

    static synchronized String hash(final String type) throws Exception
    {
        LAST.set("none");
        final VirtualMachine self = VirtualMachine.attach(Long.toString(ProcessHandle.current().pid()));
        try
        {
            self.loadAgent(System.getProperty(JAR_PROPERTY), type);
        }
        finally
        {
            self.detach();
        }
        return LAST.get();
    }
}
