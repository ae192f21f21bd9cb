package dev.sxs.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;

class AgentSettingsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDefaultTheDataFolderInAgentMode()
    {
        final Config config = AgentSettings.resolve(null, new Properties());
        assertEquals(Path.of("./sxs-data"), config.dataDir());
    }

    @Test
    void shouldKeepEverythingInMemoryWithAnEmptyDataArgument()
    {
        assertNull(AgentSettings.resolve("data=", new Properties()).dataDir());
    }

    @Test
    void shouldLetArgumentsOverrideSystemPropertiesOverrideTheFile() throws Exception
    {
        final Path file = dir.resolve("sxs.properties");
        Files.writeString(file, "events.workers=3\nprocessors=5\nsxs.kv.entries=1000\n");
        final Properties props = new Properties();
        props.setProperty("sxs.processors", "6");
        props.setProperty("sxs.budget.steps", "77");
        props.setProperty("sxs.status", "running");
        props.setProperty("sxs.cache.dir", "/tmp/x");
        props.setProperty("other.property", "ignored");
        final Config config = AgentSettings.resolve("config=" + file + ", budget.steps = 88 ,data=" + dir, props);
        assertEquals(3, config.dispatcher().workers());
        assertEquals(6, config.processors().count());
        assertEquals(88, config.budget().steps());
        assertEquals(1000, config.kv().entries());
        assertEquals(dir, config.dataDir());
    }

    @Test
    void shouldReadTheFileNamedByTheSystemProperty() throws Exception
    {
        final Path file = dir.resolve("a.properties");
        Files.writeString(file, "processors=2\n");
        final Properties props = new Properties();
        props.setProperty("sxs.config", file.toString());
        assertEquals(2, AgentSettings.resolve("", props).processors().count());
    }

    @Test
    void shouldRejectAPairWithoutEquals()
    {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> AgentSettings.resolve("data=/x,verbose", new Properties()));
        assertEquals("bad agent argument 'verbose' (expected key=value, pairs separated by commas)", ex.getMessage());
    }

    @Test
    void shouldNameTheBadKeyAndValue()
    {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> AgentSettings.resolve("events.workers=many", new Properties()));
        assertEquals("bad value for 'events.workers': 'many' (expected an integer from 1 to 256)", ex.getMessage());
    }

    @Test
    void shouldRejectAnUnknownSystemProperty()
    {
        final Properties props = new Properties();
        props.setProperty("sxs.kv.entrys", "5");
        final ConfigException ex = assertThrows(ConfigException.class, () -> AgentSettings.resolve(null, props));
        assertEquals(true, ex.getMessage().startsWith("unknown setting 'kv.entrys'"));
    }

    @Test
    void shouldSayWhenTheConfigFileIsMissing()
    {
        final Path missing = dir.resolve("missing.properties");
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> AgentSettings.resolve("config=" + missing, new Properties()));
        assertEquals("cannot read config file '" + missing + "': no such file", ex.getMessage());
    }

    @Test
    void shouldParseArgumentsInOrder()
    {
        assertEquals(Map.of("a", "1", "b", "x=y"), AgentSettings.parseArgs("a=1,,b=x=y"));
    }
}
