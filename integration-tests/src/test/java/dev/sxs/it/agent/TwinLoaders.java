package dev.sxs.it.agent;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Two class loaders of the host, {@code twin-1} and {@code twin-2}, each defining its own {@link TwinTarget} from
 * the host's class path (their parent is the platform loader, so neither asks the host's loader), and the
 * {@code twins ...} questions {@link ProbeHost} hands here:
 * <ul>
 *   <li>{@code twins load}: {@code twins <number of TwinTarget classes>} after both loaders loaded theirs;</li>
 *   <li>{@code twins call WHAT}: {@code twins <echo(WHAT) of each copy, comma-separated>};</li>
 *   <li>{@code twins bytes}: {@code twins <number of copies>} after {@link BytesAgent} wrote the bytes the JVM runs
 *       now of each copy.</li>
 * </ul>
 */
final class TwinLoaders
{
    /** The class's name: a class literal would have the host's own loader load a third copy. */
    static final String TWIN = "dev.sxs.it.agent.TwinTarget";

    private static final List<Class<?>> TWINS = new ArrayList<>();

    private TwinLoaders()
    {
    }

    static synchronized String answer(final String command) throws Exception
    {
        final String[] parts = command.split(" ");
        switch (parts[1])
        {
            case "load":
                final URL classes = ProbeHost.class.getProtectionDomain().getCodeSource().getLocation();
                for (int i = 1; i <= 2; i++)
                {
                    final URLClassLoader loader = new URLClassLoader("twin-" + i, new URL[] {classes},
                        ClassLoader.getPlatformClassLoader());
                    TWINS.add(Class.forName(TWIN, true, loader));
                }
                return "twins " + TWINS.size();
            case "call":
                final StringJoiner echoes = new StringJoiner(",");
                for (final Class<?> twin : TWINS)
                {
                    echoes.add((String)twin.getMethod("echo", String.class).invoke(null, parts[2]));
                }
                return "twins " + echoes;
            case "bytes":
                return "twins " + BytesAgent.hash(TWIN).split(",").length;
            default:
                return "twins unknown " + command;
        }
    }
}
