package dev.sxs.journal;

import dev.sxs.events.Channel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Prints replayed records one a line: {@code index time channel topic "scope" payload}, with the index in
 * decimal, the time as an ISO-8601 UTC instant with nanoseconds, the channel label ({@code exec},
 * {@code A}..{@code F}), the topic in decimal, the scope of the publishing session as a quoted string
 * ({@code ""} for the root scope) and the payload in canonical form, separated by one space.
 * Buffers lines and writes them in blocks of {@link #DEFAULT_BUFFER_CHARS} characters or more as UTF-8,
 * or writes and flushes each line at once when {@linkplain #streaming(OutputStream) streaming} (a paced
 * replay shows each record as it is replayed).
 * {@link #format(JournalRecord, StringBuilder)} keeps the line without the scope (the JMX tail).
 * <p>
 * Threading: one replaying thread. Failure: an I/O error ends the replay (the replay reports it).
 */
public final class PrintSink implements ReplaySink
{
    /** Characters buffered before they are written out. */
    public static final int DEFAULT_BUFFER_CHARS = 64 * 1024;

    private final OutputStream out;
    private final StringBuilder buffer = new StringBuilder(DEFAULT_BUFFER_CHARS + 1024);
    private final UtcTimeFormat timeFormat = new UtcTimeFormat();
    private final boolean streaming;
    private long lines;

    /**
     * @param out where lines go (not closed by the sink; flushed at the end).
     */
    public PrintSink(final OutputStream out)
    {
        this(out, false);
    }

    private PrintSink(final OutputStream out, final boolean streaming)
    {
        this.out = out;
        this.streaming = streaming;
    }

    /**
     * @param out where lines go (not closed by the sink).
     * @return a sink that writes and flushes every line as it is accepted.
     */
    public static PrintSink streaming(final OutputStream out)
    {
        return new PrintSink(out, true);
    }

    @Override
    public void accept(final JournalEntry entry)
    {
        format(entry, buffer);
        buffer.append('\n');
        lines++;
        if (streaming)
        {
            finish();
        }
        else if (buffer.length() >= DEFAULT_BUFFER_CHARS)
        {
            flushBuffer();
        }
    }

    /**
     * Append one record in the print format, without the line end.
     *
     * @param entry the record.
     * @param line  where to append.
     */
    public void format(final JournalEntry entry, final StringBuilder line)
    {
        line.append(entry.index()).append(' ');
        timeFormat.append(entry.timestampNanos(), line);
        line.append(' ').append(entry.channel().label())
            .append(' ').append(entry.topic())
            .append(' ');
        quote(entry.origin(), line);
        line.append(' ').append(entry.payload());
    }

    private static void quote(final CharSequence text, final StringBuilder line)
    {
        line.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                line.append('\\');
            }
            line.append(c);
        }
        line.append('"');
    }

    /**
     * Append one kept record as the JMX tail shows it, {@code index time channel topic payload}, without the
     * line end.
     *
     * @param record the record.
     * @param line   where to append.
     */
    public void format(final JournalRecord record, final StringBuilder line)
    {
        format(record.index(), record.timestampNanos(), record.channel(), record.topic(), record.payload(), line);
    }

    private void format(
        final long index,
        final long timestampNanos,
        final Channel channel,
        final int topic,
        final CharSequence payload,
        final StringBuilder line)
    {
        line.append(index).append(' ');
        timeFormat.append(timestampNanos, line);
        line.append(' ').append(channel.label())
            .append(' ').append(topic)
            .append(' ').append(payload);
    }

    @Override
    public void finish()
    {
        flushBuffer();
        try
        {
            out.flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot flush replay output", ex);
        }
    }

    /**
     * @return lines printed so far.
     */
    public long lines()
    {
        return lines;
    }

    private void flushBuffer()
    {
        if (buffer.length() == 0)
        {
            return;
        }
        try
        {
            out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write replay output", ex);
        }
        buffer.setLength(0);
    }
}
