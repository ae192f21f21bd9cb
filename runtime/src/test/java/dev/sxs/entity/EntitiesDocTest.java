package dev.sxs.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRequest;
import org.junit.jupiter.api.Test;

/**
 * Runs the two-shop walk-through of docs/entities.md: every {@code ```sxs as ENTITY} block as that entity
 * ({@code root} as a local caller, the others as remote JMX users of that name), checking each {@code ;=>}
 * value, then the scope escapes the page describes in words.
 */
class EntitiesDocTest
{
    private static final String FENCE = "```sxs as ";
    private static final String VALUE_MARK = ";=> ";

    private static Path doc()
    {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/entities.md")))
        {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "cannot find docs/entities.md");
        return dir.resolve("docs/entities.md");
    }

    private static Principal as(final String entity)
    {
        return Entities.ROOT.equals(entity) ? Principal.jmx("local") : Principal.jmx(entity);
    }

    private static Value run(final SxsRuntime runtime, final Principal who, final String script,
        final SessionRequest session) throws Exception
    {
        final List<Value> values = runtime.gateway().submit(ScriptSubmission.of(script, who, "Runtime.eval",
            session)).get(10, TimeUnit.SECONDS);
        return values.get(values.size() - 1);
    }

    @Test
    void shouldShowTheTrueResultsOfTheTwoShopWalkThrough() throws Exception
    {
        final List<String> lines = Files.readAllLines(doc(), StandardCharsets.UTF_8);
        int checked = 0;
        try (SxsRuntime runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000")),
            LogSink.NONE))
        {
            for (int i = 0; i < lines.size(); i++)
            {
                if (!lines.get(i).startsWith(FENCE))
                {
                    continue;
                }
                final Principal who = as(lines.get(i).substring(FENCE.length()).strip());
                final StringBuilder script = new StringBuilder();
                for (i++; !lines.get(i).startsWith("```"); i++)
                {
                    final String line = lines.get(i);
                    if (line.startsWith(VALUE_MARK))
                    {
                        assertEquals(line.substring(VALUE_MARK.length()),
                            run(runtime, who, script.toString(), SessionRequest.FRESH).print(),
                            "docs/entities.md line " + (i + 1));
                        script.setLength(0);
                        checked++;
                    }
                    else
                    {
                        script.append(line).append('\n');
                    }
                }
            }
            assertTrue(checked >= 10, "expected the walk-through's values, found " + checked);
            final Principal shopB = as("shop-b");
            assertEquals(new ErrorValue("entity 'shop-b' may not use scope 'shop-a:'"),
                run(runtime, shopB, "(core/kv/get stock)", SessionRequest.fresh("shop-a:")));
            assertEquals(new ErrorValue("entity 'shop-b' may not use scope ''"),
                run(runtime, shopB, "(core/kv/get shop-a:stock)", SessionRequest.fresh("")));
            assertEquals(new ErrorValue("entity 'shop-b' may not use scope '" + Entities.PREFIX + "'"),
                run(runtime, shopB, "(core/kv/get shop-b)", SessionRequest.fresh(Entities.PREFIX)));
            assertEquals(new ErrorValue("entity 'shop-b' may not act as entity 'shop-a'"),
                run(runtime, shopB.as("shop-a"), "(core/kv/get stock)", SessionRequest.FRESH));
        }
    }
}
