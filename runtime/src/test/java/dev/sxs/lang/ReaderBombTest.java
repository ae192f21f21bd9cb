package dev.sxs.lang;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 31-byte reader bomb (30 {@code @} then {@code 1}) once built messages doubling at every level until the heap
 * ran out. Runs in the small-heap fork (64 MiB, see runtime/pom.xml): without the bound it fails there with an
 * OutOfMemoryError within seconds.
 */
@Tag("small-heap")
class ReaderBombTest
{
    private static String error(final String source)
    {
        final ReadResult result = Reader.read(source);
        assertTrue(result.forms().isEmpty());
        return result.error() == null ? null : result.error().message();
    }

    @Test
    @Timeout(10)
    void shouldBoundWhatErrorPrefixesBuildNotOnlyTheirDepth()
    {
        final String bomb = "@".repeat(30) + "1";
        final String message = error(bomb);
        assertEquals("read error at 1:12: source builds more than " + Reader.MAX_BUILT_CHARS
            + " characters of error messages", message);
        int depth = 1;
        while (true)
        {
            final ReadResult result = Reader.read("@".repeat(depth) + "1");
            if (!result.ok())
            {
                break;
            }
            final ErrorValue built = (ErrorValue)result.forms().get(0);
            assertTrue(built.message().length() <= Reader.MAX_BUILT_CHARS, "built " + built.message().length());
            depth++;
        }
        assertTrue(depth > 10, "ordinary nesting of @ still reads: " + depth);
        final String big = "x".repeat(Reader.MAX_BUILT_CHARS * 2);
        assertEquals(new ErrorValue(big), Reader.readOne("@\"" + big + "\""));
    }
}
