package dev.sxs.lang;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every {@code sxs} block of docs/language.md and checks the values ({@code ;=> VALUE}) and
 * log lines ({@code ;log> TEXT}) it shows; runs every script in examples/ and checks it succeeds.
 */
class LanguageDocTest
{
    private static final String VALUE_MARK = ";=> ";
    private static final String LOG_MARK = ";log> ";

    private static Path projectFile(final String name)
    {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(name)))
        {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "cannot find " + name + " above " + Path.of("").toAbsolutePath());
        return dir.resolve(name);
    }

    @TestFactory
    List<DynamicTest> shouldShowTheTrueResultsInEveryExampleOfTheLanguageDoc() throws IOException
    {
        final List<String> lines = Files.readAllLines(projectFile("docs/language.md"), StandardCharsets.UTF_8);
        final List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++)
        {
            if (lines.get(i).trim().equals("```sxs"))
            {
                final int start = i + 1;
                final List<String> block = new ArrayList<>();
                i++;
                while (i < lines.size() && !lines.get(i).trim().equals("```"))
                {
                    block.add(lines.get(i));
                    i++;
                }
                tests.add(DynamicTest.dynamicTest("language.md block at line " + start, () -> runBlock(start, block)));
            }
        }
        assertTrue(tests.size() >= 10, "expected many sxs blocks, found " + tests.size());
        return tests;
    }

    private static void runBlock(final int firstLine, final List<String> block)
    {
        try (Sxs sxs = new Sxs())
        {
            final StringBuilder pending = new StringBuilder();
            final List<String> expectedLog = new ArrayList<>();
            int checks = 0;
            for (int n = 0; n < block.size(); n++)
            {
                final String line = block.get(n);
                final String trimmed = line.trim();
                if (trimmed.startsWith(LOG_MARK))
                {
                    expectedLog.add(trimmed.substring(LOG_MARK.length()));
                }
                else if (trimmed.startsWith(VALUE_MARK))
                {
                    final String where = "language.md line " + (firstLine + n);
                    assertFalse(pending.toString().isBlank(), where + ": no form before " + trimmed);
                    sxs.log.clear();
                    final List<Value> values = sxs.runtime.eval(pending.toString(), "");
                    assertFalse(values.isEmpty(), where);
                    assertEquals(trimmed.substring(VALUE_MARK.length()), Printer.print(values.get(values.size() - 1)),
                        where);
                    assertEquals(expectedLog, List.copyOf(sxs.log), where + " (log lines)");
                    pending.setLength(0);
                    expectedLog.clear();
                    checks++;
                }
                else
                {
                    pending.append(line).append('\n');
                }
            }
            assertTrue(checks > 0, "block at line " + firstLine + " checks nothing");
            assertTrue(pending.toString().isBlank() && expectedLog.isEmpty(),
                "block at line " + firstLine + " ends with forms that are not checked");
        }
    }

    @Test
    void shouldRunTheExampleScriptsWithoutErrors() throws IOException
    {
        final List<Path> scripts = new ArrayList<>();
        try (var files = Files.list(projectFile("examples")))
        {
            // demo-*.sxs probe the demo service's methods: they need the agent (DemoIT runs them there)
            files.filter(f -> f.getFileName().toString().endsWith(".sxs"))
                .filter(f -> !f.getFileName().toString().startsWith("demo-")).sorted().forEach(scripts::add);
        }
        assertTrue(scripts.stream().map(f -> f.getFileName().toString()).toList()
            .containsAll(List.of("hello.sxs", "store.sxs", "events.sxs")), scripts::toString);
        for (final Path file : scripts)
        {
            final String name = "examples/" + file.getFileName();
            final String source = Files.readString(file, StandardCharsets.UTF_8);
            try (Sxs sxs = new Sxs())
            {
                final List<Value> values = sxs.runtime.eval(source, "");
                assertFalse(values.isEmpty(), name);
                for (final Value v : values)
                {
                    assertFalse(v.isError(), name + " gave " + Printer.print(v));
                }
                assertFalse(sxs.log.isEmpty(), name + " logs something");
            }
        }
    }
}
