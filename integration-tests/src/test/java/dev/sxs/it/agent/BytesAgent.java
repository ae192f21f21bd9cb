package dev.sxs.it.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.ProtectionDomain;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.tools.attach.VirtualMachine;

/**
 * A test agent of the probe tests' host: reports a class's bytes as the JVM holds them now. The host loads it
 * into itself for each question (a jar the test writes, named by the system property {@value #JAR_PROPERTY};
 * the host runs with {@code -Djdk.attach.allowAttachSelf=true}), so its transformer is the JVM's last one and
 * sees the output of sxs's: it retransforms the class with a transformer that only looks, writes the bytes to the
 * file named by {@value #OUT_PROPERTY} (read with {@link ClassCode}) and answers their hash, whether they name
 * the probe bridge, and their length.
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
     * Hash the bytes of the class named by {@code args} as the JVM's transformers, sxs's included, make them now.
     *
     * @param args the class's name (on the host's class path).
     * @param inst this load's instrumentation.
     * @throws Exception when the class cannot be retransformed.
     */
    public static void agentmain(final String args, final Instrumentation inst) throws Exception
    {
        final Class<?> type = Class.forName(args);
        final AtomicReference<byte[]> seen = new AtomicReference<>();
        final ClassFileTransformer look = new ClassFileTransformer()
        {
            @Override
            public byte[] transform(final ClassLoader loader, final String name, final Class<?> redefined,
                final ProtectionDomain domain, final byte[] bytes)
            {
                if (redefined == type)
                {
                    seen.set(bytes.clone());
                }
                return null;
            }
        };
        inst.addTransformer(look, true);
        try
        {
            inst.retransformClasses(type);
        }
        finally
        {
            inst.removeTransformer(look);
        }
        final byte[] bytes = seen.get();
        java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty(OUT_PROPERTY)), bytes);
        final boolean refersToSxs = new String(bytes, StandardCharsets.ISO_8859_1).contains("dev/sxs/bridge");
        LAST.set(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + " "
            + (refersToSxs ? "sxs" : "plain") + " " + bytes.length);
    }

    static synchronized String hash(final Class<?> type) throws Exception
    {
        LAST.set("none");
        final VirtualMachine self = VirtualMachine.attach(Long.toString(ProcessHandle.current().pid()));
        try
        {
            self.loadAgent(System.getProperty(JAR_PROPERTY), type.getName());
        }
        finally
        {
            self.detach();
        }
        return LAST.get();
    }
}
