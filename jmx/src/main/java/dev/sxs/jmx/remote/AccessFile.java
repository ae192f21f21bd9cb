package dev.sxs.jmx.remote;

import dev.sxs.runtime.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roles of remote JMX users, in the JDK's access file format: one {@code name role} per line,
 * role {@code readonly} or {@code readwrite}, {@code #} starts a comment. Extra JDK clauses
 * ({@code create ...}, {@code unregister}) are accepted and ignored: sxs never lets a remote client
 * create or unregister MBeans. A name is matched against every principal name of the caller's
 * {@link javax.security.auth.Subject}, so JAAS principals work too.
 * <p>
 * Without an access file every authenticated user is {@link Role#READONLY}. With one, a user it
 * does not name has no access at all. Immutable and thread-safe once read.
 */
public final class AccessFile
{
    private final Map<String, Role> roles;
    private final Role fallback;

    private AccessFile(final Map<String, Role> roles, final Role fallback)
    {
        this.roles = roles;
        this.fallback = fallback;
    }

    /**
     * @return the rules used when no access file is configured: everyone authenticated is read-only.
     */
    public static AccessFile readOnlyForAll()
    {
        return new AccessFile(Map.of(), Role.READONLY);
    }

    /**
     * Read an access file.
     *
     * @param file the file.
     * @return the rules.
     * @throws ConfigException when the file cannot be read or a line is malformed (with its number).
     */
    public static AccessFile read(final Path file)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new ConfigException("cannot read jmx.accessFile '" + file + "': " + ex);
        }
        return parse(file.toString(), lines);
    }

    static AccessFile parse(final String source, final List<String> lines)
    {
        final Map<String, Role> roles = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++)
        {
            String line = lines.get(i);
            final int hash = line.indexOf('#');
            line = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (line.isEmpty())
            {
                continue;
            }
            final String[] words = line.split("\\s+");
            final Role role = words.length >= 2 ? Role.byLabel(words[1]) : null;
            if (role == null)
            {
                throw new ConfigException("bad line " + (i + 1) + " in jmx.accessFile '" + source
                    + "': '" + line + "' (expected: NAME readonly|readwrite)");
            }
            roles.merge(words[0], role, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        return new AccessFile(Collections.unmodifiableMap(roles), null);
    }

    /**
     * The strongest role granted to any of the names.
     *
     * @param principalNames names of the caller's principals.
     * @return the role, or null when the caller has no access.
     */
    public Role roleOf(final Collection<String> principalNames)
    {
        if (principalNames.isEmpty())
        {
            return null;
        }
        if (fallback != null)
        {
            return fallback;
        }
        Role best = null;
        for (final String name : principalNames)
        {
            final Role role = roles.get(name);
            if (role != null && (best == null || role.compareTo(best) > 0))
            {
                best = role;
            }
        }
        return best;
    }
}
