package dev.sxs.jmx.remote;

import dev.sxs.runtime.ConfigException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Properties;

/**
 * The server key of the TLS connector ({@code jmx.ssl=true}). Its settings, {@value #KEY_STORE},
 * {@value #KEY_STORE_PASSWORD} and {@value #KEY_STORE_TYPE}, come from the properties file
 * {@code jmx.sslConfigFile} when one is named (the names of the JDK's own SSL config file), so the
 * password appears neither on the command line nor in {@code java.lang:type=Runtime} InputArguments or
 * SystemProperties; else from the system properties of those names. Stateless; reads the files on each
 * call.
 */
public final class TlsKeyStore
{
    /** Key store file. */
    public static final String KEY_STORE = "javax.net.ssl.keyStore";
    /** Key store password. */
    public static final String KEY_STORE_PASSWORD = "javax.net.ssl.keyStorePassword";
    /** Key store type; the JDK's default type when absent. */
    public static final String KEY_STORE_TYPE = "javax.net.ssl.keyStoreType";

    private TlsKeyStore()
    {
    }

    /**
     * Check that a named settings file can be read (before anything is opened).
     *
     * @param configFile {@code jmx.sslConfigFile}, or null.
     * @throws ConfigException when it is named and cannot be read.
     */
    public static void requireReadable(final Path configFile)
    {
        if (configFile != null && !Files.isReadable(configFile))
        {
            throw new ConfigException("cannot read jmx.sslConfigFile '" + configFile + "'");
        }
    }

    /**
     * @param configFile {@code jmx.sslConfigFile}, or null for the system properties.
     * @return a TLS context with the server key and the JDK's default trust.
     * @throws ConfigException when no key store is named or it cannot be loaded.
     */
    public static SSLContext context(final Path configFile)
    {
        final Properties settings = settings(configFile);
        final String keyStore = settings.getProperty(KEY_STORE, "");
        if (keyStore.isEmpty())
        {
            throw new ConfigException(configFile == null
                ? "jmx.ssl=true needs a key store: name a properties file holding " + KEY_STORE + " and "
                    + KEY_STORE_PASSWORD + " in jmx.sslConfigFile (or set those system properties)"
                : "jmx.ssl=true needs a key store: jmx.sslConfigFile '" + configFile + "' names no " + KEY_STORE);
        }
        final char[] password = settings.getProperty(KEY_STORE_PASSWORD, "").toCharArray();
        final String type = settings.getProperty(KEY_STORE_TYPE, KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(Path.of(keyStore)))
        {
            final KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            final KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            final TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore)null);
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        }
        catch (final IOException | GeneralSecurityException ex)
        {
            throw new ConfigException("jmx.ssl=true: cannot load key store '" + keyStore + "': " + ex.getMessage());
        }
    }

    private static Properties settings(final Path configFile)
    {
        final Properties settings = new Properties();
        if (configFile == null)
        {
            for (final String key : new String[] {KEY_STORE, KEY_STORE_PASSWORD, KEY_STORE_TYPE})
            {
                final String value = System.getProperty(key);
                if (value != null)
                {
                    settings.setProperty(key, value);
                }
            }
            return settings;
        }
        try (Reader in = Files.newBufferedReader(configFile, StandardCharsets.UTF_8))
        {
            settings.load(in);
            return settings;
        }
        catch (final IOException ex)
        {
            throw new ConfigException("cannot read jmx.sslConfigFile '" + configFile + "': " + ex.getMessage());
        }
    }
}
