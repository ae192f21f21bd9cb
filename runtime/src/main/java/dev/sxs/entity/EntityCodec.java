package dev.sxs.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * The text an entity is stored as, one fact per line: {@code home SCOPE} (absent for the runtime's default),
 * {@code rate N}, {@code sessions N}, {@code admin}, {@code all}, {@code scope RW SCOPE}, {@code event PS A:1-9}.
 * A scope is the rest of its line, with {@code \} and line ends escaped, so any scope text survives.
 * <p>
 * Threading: stateless. Failure: {@link #decode} throws {@link IllegalArgumentException} for text it did not write.
 */
public final class EntityCodec
{
    private static final String HEADER = "sxs-entity 1";

    private EntityCodec()
    {
    }

    /**
     * @param entity the snapshot.
     * @return its stored text.
     */
    public static String encode(final Entity entity)
    {
        final StringBuilder out = new StringBuilder(64).append(HEADER).append('\n');
        if (entity.home() != null)
        {
            out.append("home ").append(escape(entity.home())).append('\n');
        }
        out.append("rate ").append(entity.rate()).append('\n');
        out.append("sessions ").append(entity.maxSessions()).append('\n');
        if (entity.isAll())
        {
            out.append("all\n");
        }
        else if (entity.isAdmin())
        {
            out.append("admin\n");
        }
        for (final ScopeGrant g : entity.scopeGrants())
        {
            out.append("scope ").append(g.read() ? "R" : "").append(g.write() ? "W" : "").append(' ')
                .append(escape(g.scope())).append('\n');
        }
        for (final EventGrant g : entity.eventGrants())
        {
            out.append("event ").append(g).append('\n');
        }
        return out.toString();
    }

    /**
     * @param id   the entity's id (the stored key without the prefix).
     * @param text what {@link #encode} wrote.
     * @return the snapshot.
     */
    public static Entity decode(final String id, final String text)
    {
        final String[] lines = text.split("\n");
        if (lines.length == 0 || !HEADER.equals(lines[0]))
        {
            throw new IllegalArgumentException("not an entity record: " + id);
        }
        String home = null;
        int rate = 0;
        int sessions = 0;
        boolean admin = false;
        boolean all = false;
        final List<ScopeGrant> scopes = new ArrayList<>();
        final List<EventGrant> events = new ArrayList<>();
        for (int i = 1; i < lines.length; i++)
        {
            final String line = lines[i];
            final int space = line.indexOf(' ');
            final String word = space < 0 ? line : line.substring(0, space);
            final String rest = space < 0 ? "" : line.substring(space + 1);
            switch (word)
            {
                case "home" -> home = unescape(rest);
                case "rate" -> rate = Integer.parseInt(rest);
                case "sessions" -> sessions = Integer.parseInt(rest);
                case "admin" -> admin = true;
                case "all" -> all = true;
                case "scope" ->
                {
                    final int gap = rest.indexOf(' ');
                    scopes.add(new ScopeGrant(unescape(rest.substring(gap + 1)), rest.substring(0, gap).contains("R"),
                        rest.substring(0, gap).contains("W")));
                }
                case "event" ->
                {
                    final int gap = rest.indexOf(' ');
                    events.add(EventGrant.parse(rest.substring(0, gap), rest.substring(gap + 1)));
                }
                default -> throw new IllegalArgumentException("entity " + id + ": unknown line '" + line + "'");
            }
        }
        return new Entity(id, home, scopes.toArray(new ScopeGrant[0]), events.toArray(new EventGrant[0]), rate,
            sessions, admin, all);
    }

    private static String escape(final String text)
    {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(final String text)
    {
        final StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length())
            {
                final char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            }
            else
            {
                out.append(c);
            }
        }
        return out.toString();
    }
}
