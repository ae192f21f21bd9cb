package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.runtime.BackendOptions;
import dev.sxs.runtime.Config;
import io.nats.client.Connection;

/**
 * NKey and credentials-file authentication without Bouncy Castle: {@link NKeyAuth} signs with the JDK's Ed25519,
 * and a real nats-server configured for an nkey user, then in operator mode for a JWT user, lets sxs in. The keys
 * and JWTs were made with jnats' own NKey (on Bouncy Castle), so they check this signing independently.
 */
class NatsAuthTest
{
    /** A user seed and its public key, made by jnats 2.26.2 {@code NKey.createUser}. */
    private static final String SEED = "SUAJWAKOVLXTUTOPFJTNJQ7636LSRZOSG4ZGSRCNJT3DFYLDH45JOZHSM4";
    private static final String PUBLIC = "UDSBHT2NPOXRYP7OHJDZNUPG2AZ4JOSYXGGIA6R76RIMVPUOH6J36KB6";
    /** jnats' {@code NKey.sign("nonce-abc")} with that seed (Ed25519 signatures are deterministic). */
    private static final String SIGNATURE = "8Zn3rIgoIwgUgZohpY6xQYuwgRkSfToQlAyfGK1AXAMO9FpvW6Lw+fURSRUU"
        + "bJtpBfLpNNjmxVeAbqG9EQNHCQ==";

    @TempDir
    Path dir;

    @Test
    void shouldSignAndNameTheUserAsJnatsNKeyDoes()
    {
        final NKeyAuth auth = NKeyAuth.fromSeed(SEED + "\n");
        assertEquals(PUBLIC, new String(auth.getID()));
        assertArrayEquals(Base64.getDecoder().decode(SIGNATURE),
            auth.sign("nonce-abc".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class,
            () -> NKeyAuth.fromSeed(SEED.substring(0, 40) + "AAAAAAAAAAAAAAAAAA"), "a seed with a bad checksum");
        assertThrows(ClassNotFoundException.class,
            () -> Class.forName("org.bouncycastle.crypto.signers.Ed25519Signer"), "sxs builds without Bouncy Castle");
    }

    @Test
    void shouldConnectWithAnNkeyAgainstAServerConfiguredForIt() throws Exception
    {
        final Path seed = Files.writeString(dir.resolve("user.nk"), SEED + "\n");
        final int port = freePort();
        final Process server = start("listen: \"127.0.0.1:" + port + "\"\n"
            + "authorization { users = [ { nkey: \"" + PUBLIC + "\" } ] }\n");
        try
        {
            assertRoundTrip(options(port, "nats.nkeyFile", seed.toString()));
            final Path other = Files.writeString(dir.resolve("other.nk"),
                "SUAHVTCPLU4UOLJG6U3J3VLEQNV7EKMVNPYZQ5L7IYEKO4PI5H44C4QMOA\n");
            assertThrows(RuntimeException.class,
                () -> NatsConnector.connect(options(port, "nats.nkeyFile", other.toString()),
                    SxsThreadFactory.create()).close(), "another user's seed is refused");
        }
        finally
        {
            stop(server);
        }
    }

    @Test
    void shouldConnectWithACredsFileAgainstAServerInOperatorMode() throws Exception
    {
        final Properties operator = new Properties();
        try (InputStream in = NatsAuthTest.class.getResourceAsStream("/auth/operator.properties"))
        {
            operator.load(in);
        }
        final Path creds = dir.resolve("user.creds");
        try (InputStream in = NatsAuthTest.class.getResourceAsStream("/auth/user.creds"))
        {
            Files.copy(in, creds);
        }
        final int port = freePort();
        final Process server = start("listen: \"127.0.0.1:" + port + "\"\n"
            + "operator: \"" + operator.getProperty("operator") + "\"\n"
            + "resolver: MEMORY\n"
            + "resolver_preload: { " + operator.getProperty("account") + ": \"" + operator.getProperty("accountJwt")
            + "\" }\n");
        try
        {
            assertRoundTrip(options(port, "nats.credsFile", creds.toString()));
        }
        finally
        {
            stop(server);
        }
    }

    private BackendOptions options(final int port, final String key, final String file)
    {
        return Config.parse(Map.of("backend", "nats", "nats.servers", "nats://127.0.0.1:" + port, key, file,
            "nats.timeoutMillis", "5000")).backend();
    }

    private static void assertRoundTrip(final BackendOptions options) throws Exception
    {
        try (NatsConnector connector = NatsConnector.connect(options, SxsThreadFactory.create()))
        {
            final Connection connection = connector.connection();
            connection.flush(Duration.ofSeconds(5)); // a round trip: the server took the CONNECT and answers
            assertEquals(Connection.Status.CONNECTED, connection.getStatus());
        }
    }

    private Process start(final String conf) throws Exception
    {
        final Path file = Files.writeString(dir.resolve("nats-" + System.nanoTime() + ".conf"), conf);
        final Path log = dir.resolve(file.getFileName() + ".log");
        final Process server = new ProcessBuilder(NatsCluster.requireServer().toString(), "-c", file.toString())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.readString(log).contains("Server is ready"))
        {
            assertTrue(server.isAlive() && System.nanoTime() < deadline, "nats-server did not start: "
                + Files.readString(log));
            TimeUnit.MILLISECONDS.sleep(20); // the server's log is polled: it tells nothing else
        }
        return server;
    }

    private static void stop(final Process server) throws InterruptedException
    {
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
