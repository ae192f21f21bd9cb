package dev.sxs.jmx.mbean;

import dev.sxs.runtime.Setting;
import dev.sxs.runtime.Settings;

import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import java.util.HashMap;
import java.util.Map;

/**
 * The effective configuration as one {@link CompositeData}: one string item per setting, named by its key
 * ({@code kv.entries}) and described by the setting's own description, so JConsole shows every setting on
 * one page. The type is fixed from the keys at construction (a runtime's configuration does not change).
 * Immutable and thread-safe; {@link #data} allocates one composite per call.
 */
final class ConfigurationData
{
    /** Name of the composite type. */
    static final String TYPE_NAME = "dev.sxs.Configuration";

    private final CompositeType type;
    private final String[] keys;

    /**
     * @param keys the settings' keys, in the order they are shown.
     */
    ConfigurationData(final Iterable<String> keys)
    {
        final Map<String, String> descriptions = new HashMap<>();
        for (final Setting<?> setting : Settings.ALL)
        {
            descriptions.put(setting.key(), setting.description());
        }
        final java.util.List<String> names = new java.util.ArrayList<>();
        keys.forEach(names::add);
        this.keys = names.toArray(new String[0]);
        final String[] texts = new String[this.keys.length];
        final OpenType<?>[] types = new OpenType<?>[this.keys.length];
        for (int i = 0; i < this.keys.length; i++)
        {
            final String description = descriptions.get(this.keys[i]);
            texts[i] = description == null || description.isEmpty() ? this.keys[i] : description;
            types[i] = SimpleType.STRING;
        }
        try
        {
            this.type = new CompositeType(TYPE_NAME, "Effective sxs configuration: one item per setting",
                this.keys, texts, types);
        }
        catch (final OpenDataException ex)
        {
            throw new IllegalArgumentException("configuration keys " + names + ": " + ex.getMessage(), ex);
        }
    }

    /** @return the composite type: one string item per key. */
    CompositeType type()
    {
        return type;
    }

    /**
     * @param settings key to value text; keys not given at construction are left out, missing ones are "".
     * @return the composite.
     */
    CompositeData data(final Map<String, String> settings)
    {
        final Object[] values = new Object[keys.length];
        for (int i = 0; i < keys.length; i++)
        {
            final String value = settings.get(keys[i]);
            values[i] = value == null ? "" : value;
        }
        try
        {
            return new CompositeDataSupport(type, keys, values);
        }
        catch (final OpenDataException ex)
        {
            throw new IllegalStateException("configuration: " + ex.getMessage(), ex);
        }
    }
}
