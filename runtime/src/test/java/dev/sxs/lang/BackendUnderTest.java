package dev.sxs.lang;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The backend the language tests run on: the embedded one (no settings) unless system properties
 * {@code sxs.test.setting.NAME=VALUE} name another, which the nats module sets to run these same tests against
 * {@code backend=nats} on a real server; they override the test's own settings. Properties
 * {@code sxs.test.default.NAME=VALUE} apply only where the test sets no value of its own (a longer default time
 * budget where each store call is a network round trip). Each call gives a runtime of its own: {@value #FRESH} in
 * a value becomes a number no earlier call got (a fresh bucket per runtime, so every test starts from an empty store
 * as it does on the embedded backend). Threading: any thread.
 */
public final class BackendUnderTest
{
    /** The prefix of the system properties that carry the settings. */
    public static final String PREFIX = "sxs.test.setting.";
    /** The prefix of the system properties that carry defaults under the test's settings. */
    public static final String DEFAULT_PREFIX = "sxs.test.default.";
    /** Replaced, in a setting's value, by a number unique in this JVM. */
    public static final String FRESH = "{fresh}";

    private static final AtomicInteger RUNTIMES = new AtomicInteger();

    private BackendUnderTest()
    {
    }

    /**
     * @param settings the test's own settings.
     * @return {@code settings} with the backend's defaults under them and its settings over them (none for the
     *         embedded backend).
     */
    public static Map<String, String> over(final Map<String, String> settings)
    {
        final Map<String, String> all = new HashMap<>(settings);
        final String fresh = Integer.toString(RUNTIMES.incrementAndGet());
        for (final String name : System.getProperties().stringPropertyNames())
        {
            final String value = System.getProperty(name).replace(FRESH, fresh);
            if (name.startsWith(PREFIX))
            {
                all.put(name.substring(PREFIX.length()), value);
            }
            else if (name.startsWith(DEFAULT_PREFIX))
            {
                all.putIfAbsent(name.substring(DEFAULT_PREFIX.length()), value);
            }
        }
        return all;
    }
}
