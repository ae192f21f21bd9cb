package dev.sxs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads script files for {@code run} and {@code eval -f}: a path, or {@code -} for standard input, decoded
 * as strict UTF-8. Bytes that are not UTF-8 are a read error naming the line and column where they start
 * (exit 1, like any read error of a script), not a decoder's message.
 * <p>
 * Threading: any thread. Failure: {@link CliException}, exit 2 for a file that cannot be read, exit 1 for
 * one that is not UTF-8.
 */
final class ScriptFiles
{
    /** The name that means standard input. */
    static final String STDIN = "-";

    private ScriptFiles()
    {
    }

    /**
     * @param file a path, or {@code -} for standard input.
     * @return the script's text.
     * @throws CliException when it cannot be read or is not UTF-8.
     */
    static String read(final String file)
    {
        final byte[] bytes;
        try
        {
            bytes = file.equals(STDIN) ? readAll(System.in) : Files.readAllBytes(Path.of(file));
        }
        catch (final NoSuchFileException ex)
        {
            throw new CliException(SxsCli.EXIT_USAGE, "cannot read " + file + ": no such file");
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new CliException(SxsCli.EXIT_USAGE, "cannot read " + file + ": " + Messages.of(ex));
        }
        return decode(file.equals(STDIN) ? "standard input" : file, bytes);
    }

    private static byte[] readAll(final InputStream in) throws IOException
    {
        return in.readAllBytes();
    }

    /**
     * @param name  the file's name, for the message.
     * @param bytes its content.
     * @return the text.
     * @throws CliException (exit 1) naming the line and column of the first bytes that are not UTF-8.
     */
    static String decode(final String name, final byte[] bytes)
    {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError())
        {
            result = decoder.flush(out);
        }
        if (result.isError())
        {
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.position(); i++)
            {
                if (out.get(i) == '\n')
                {
                    line++;
                    column = 1;
                }
                else if (!Character.isLowSurrogate(out.get(i)))
                {
                    column++;
                }
            }
            throw new CliException(SxsCli.EXIT_ERROR_VALUE, "read error in " + name + " at line " + line + ", column "
                + column + ": not UTF-8 (byte 0x" + String.format("%02X", bytes[in.position()] & 0xFF)
                + " at offset " + in.position() + "); save the file as UTF-8");
        }
        return out.flip().toString();
    }
}
