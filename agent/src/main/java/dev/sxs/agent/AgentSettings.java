package dev.sxs.agent;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import dev.sxs.bootstrap.SxsBootstrap;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;

/**
 * Agent-mode configuration: merges, later over earlier, the defaults, a properties file
 * ({@code config=FILE}, or the system property {@code sxs.config}), the system properties
 * {@code sxs.<key>} and the agent arguments {@code key=value,key=value}, then validates them into one
 * {@link Config}. In agent mode the data folder defaults to {@value #DEFAULT_AGENT_DATA}; an explicit
 * empty {@code data=} keeps everything in memory.
 * <p>
 * Stateless; every failure is a {@link ConfigException} with one line naming the source, key and value.
 */
public final class AgentSettings
{
    /** Data folder of agent mode when none is configured. */
    public static final String DEFAULT_AGENT_DATA = "./sxs-data";
    /** Argument naming the properties file. */
    public static final String CONFIG_KEY = "config";
    /** System properties with this prefix are settings. */
    public static final String PROPERTY_PREFIX = "sxs.";
    /** {@code sxs.*} system properties that are sxs's own state, not settings. */
    public static final Set<String> INTERNAL_PROPERTIES = Set.of(SxsBootstrap.STATUS_PROPERTY, "sxs.cache.dir",
        SxsBootstrap.AGENT_JAR_PROPERTY, SxsBootstrap.SETTINGS_PROPERTY);

    private AgentSettings()
    {
    }

    /**
     * @param agentArgs  the {@code -javaagent} or attach arguments, may be null or empty.
     * @param properties the system properties to read {@code sxs.*} from.
     * @return the validated configuration.
     * @throws ConfigException for a malformed argument, an unreadable file, an unknown key or a bad value.
     */
    public static Config resolve(final String agentArgs, final Properties properties)
    {
        final Map<String, String> args = parseArgs(agentArgs);
        final Map<String, String> fromProperties = new LinkedHashMap<>();
        String configFile = properties.getProperty(PROPERTY_PREFIX + CONFIG_KEY);
        for (final String name : properties.stringPropertyNames())
        {
            if (name.startsWith(PROPERTY_PREFIX) && !INTERNAL_PROPERTIES.contains(name)
                && !name.equals(PROPERTY_PREFIX + CONFIG_KEY))
            {
                fromProperties.put(name.substring(PROPERTY_PREFIX.length()), properties.getProperty(name));
            }
        }
        if (args.containsKey(CONFIG_KEY))
        {
            configFile = args.remove(CONFIG_KEY);
        }
        final Map<String, String> merged = new LinkedHashMap<>();
        merged.put("data", DEFAULT_AGENT_DATA);
        if (configFile != null && !configFile.isBlank())
        {
            merged.putAll(readFile(Path.of(configFile.trim())));
        }
        merged.putAll(fromProperties);
        merged.putAll(args);
        return Config.parse(merged);
    }

    /**
     * @param agentArgs {@code key=value,key=value}; blanks around keys and values are ignored.
     * @return the pairs in order.
     * @throws ConfigException for a pair without {@code =} or with an empty key.
     */
    public static Map<String, String> parseArgs(final String agentArgs)
    {
        final Map<String, String> result = new LinkedHashMap<>();
        if (agentArgs == null || agentArgs.isBlank())
        {
            return result;
        }
        for (final String pair : agentArgs.split(","))
        {
            if (pair.isBlank())
            {
                continue;
            }
            final int eq = pair.indexOf('=');
            if (eq <= 0 || pair.substring(0, eq).isBlank())
            {
                throw new ConfigException("bad agent argument '" + pair.trim()
                    + "' (expected key=value, pairs separated by commas)");
            }
            result.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return result;
    }

    /**
     * @param file a properties file of settings.
     * @return its settings.
     * @throws ConfigException when it cannot be read.
     */
    public static Map<String, String> readFile(final Path file)
    {
        final Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            p.load(in);
        }
        catch (final java.nio.file.NoSuchFileException ex)
        {
            throw new ConfigException("cannot read config file '" + file + "': no such file");
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw new ConfigException("cannot read config file '" + file + "': " + ex.getMessage());
        }
        final Map<String, String> result = new LinkedHashMap<>();
        for (final String name : p.stringPropertyNames())
        {
            final String key = name.startsWith(PROPERTY_PREFIX) ? name.substring(PROPERTY_PREFIX.length()) : name;
            result.put(key, p.getProperty(name));
        }
        return result;
    }
}
