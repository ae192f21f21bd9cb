package dev.sxs.lang;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runtime services that commands reach through {@link Context#service(Class)}: the event bus, the
 * journal, and whatever later parts of the runtime add. The language itself knows none of them.
 * <p>
 * Threading: safe for concurrent registration and lookup.
 */
public final class Services
{
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    /**
     * Register (or replace) the service for a type.
     *
     * @param type    the type commands look it up by.
     * @param service the implementation.
     * @param <T>     the type.
     * @return this, for chaining.
     */
    public <T> Services put(final Class<T> type, final T service)
    {
        services.put(type, type.cast(service));
        return this;
    }

    /**
     * @param type the type.
     * @param <T>  the type.
     * @return the service registered for that type, or null.
     */
    public <T> T get(final Class<T> type)
    {
        return type.cast(services.get(type));
    }

    /**
     * @param type the type.
     * @return the removed service, or null.
     */
    public Object remove(final Class<?> type)
    {
        return services.remove(type);
    }
}
