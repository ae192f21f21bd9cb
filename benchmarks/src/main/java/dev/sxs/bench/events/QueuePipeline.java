package dev.sxs.bench.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Chronicle Queue append-to-tailer, as Chronicle's own latency tests run it: one appender on the publisher's
 * thread writing the long as an 8-byte excerpt into a queue in a temporary folder (memory-mapped, no sync),
 * and one tailer thread polling it in a busy loop ({@link Thread#onSpinWait()} between empty polls). The
 * queue is unbounded (a file), so a publisher at full speed is never held back by the consumer: its events
 * wait in the queue instead, and show in the latency. Nothing is allocated per event. The folder is deleted
 * at {@link #close()}.
 */
final class QueuePipeline extends Pipeline
{
    private final Path folder;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final Thread tailer;
    private volatile boolean running = true;

    QueuePipeline(final LongConsumer handler)
    {
        try
        {
            folder = Files.createTempDirectory("sxs-bench-queue");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        queue = SingleChronicleQueueBuilder.binary(folder).build();
        appender = queue.createAppender();
        final ExcerptTailer reader = queue.createTailer();
        tailer = new Thread(() -> tail(reader, handler), "bench-queue-tailer");
        tailer.setDaemon(true);
        tailer.start();
    }

    private void tail(final ExcerptTailer reader, final LongConsumer handler)
    {
        try (reader)
        {
            while (true)
            {
                final boolean stopping = !running;
                try (DocumentContext dc = reader.readingDocument())
                {
                    if (dc.isPresent())
                    {
                        handler.accept(dc.wire().bytes().readLong());
                        continue;
                    }
                }
                if (stopping)
                {
                    return;
                }
                Thread.onSpinWait();
            }
        }
    }

    @Override
    void publish(final int topic, final long value)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().writeLong(value);
        }
    }

    @Override
    public void close()
    {
        running = false;
        try
        {
            tailer.join(10_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        appender.close();
        queue.close();
        try (Stream<Path> files = Files.walk(folder))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
