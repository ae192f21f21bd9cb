package dev.sxs.events;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A one-shot listener for the next event published on one channel/topic in one scope, created by
 * {@link Dispatcher#listen}. It listens from the moment it is created, so the usual shape is:
 * listen, run the code that causes the event, then {@link #await}.
 * <p>
 * Awaiters are completed by the publishing thread at publish time, not by dispatcher workers, so an
 * await never needs a free worker. When the awaiting thread is itself a dispatcher worker, its
 * partition is handed to a compensating thread before it blocks (see {@code docs/events.md}); when no
 * compensating thread is left the await does not block at all: it returns null at once and
 * {@link #isRefused()} is true, so a worker never sits in an await while it owns a partition.
 * <p>
 * Threading: create and await on one thread; completion comes from any publisher thread.
 */
public final class Awaiter implements AutoCloseable
{
    private final Awaiters awaiters;
    private final long defaultTimeoutMillis;
    private final Channel channel;
    private final int topic;
    private final String scope;
    private final CompletableFuture<Event> future = new CompletableFuture<>();
    private boolean refused;

    Awaiter(final Awaiters awaiters, final long defaultTimeoutMillis, final Channel channel, final int topic,
        final String scope)
    {
        this.scope = scope;
        this.awaiters = awaiters;
        this.defaultTimeoutMillis = defaultTimeoutMillis;
        this.channel = channel;
        this.topic = topic;
    }

    /** @return the channel listened on. */
    public Channel channel()
    {
        return channel;
    }

    /** @return the topic listened on. */
    public int topic()
    {
        return topic;
    }

    /** @return the scope listened in ("" for root): only an event published in it completes this awaiter. */
    public String scope()
    {
        return scope;
    }

    /** @return true when an event of {@code origin} (null read as root) is one this awaiter waits for. */
    boolean listensIn(final String origin)
    {
        return scope.equals(origin == null ? "" : origin);
    }

    boolean complete(final Event event)
    {
        return future.complete(event);
    }

    /**
     * Stop a pending {@link #await} at once: it returns null and {@link #isCancelled()} is true (the
     * dispatcher closing, or the awaiting script cancelled). Any thread; idempotent.
     */
    public void cancel()
    {
        future.cancel(false);
    }

    /**
     * Wait with the dispatcher's default await timeout.
     *
     * @return the event, or null on timeout or when the dispatcher closed.
     */
    public Event await()
    {
        return await(defaultTimeoutMillis);
    }

    /**
     * Wait for the event, then stop listening.
     *
     * @param timeoutMillis how long to wait; 0 only takes an event already received.
     * @return the event, or null on timeout, interruption, when the dispatcher closed, or when the await was
     *     refused ({@link #isRefused()}).
     */
    public Event await(final long timeoutMillis)
    {
        try
        {
            if (!future.isDone() && timeoutMillis > 0)
            {
                if (!EventThread.beforeBlocking())
                {
                    refused = true;
                    return future.getNow(null);
                }
                try
                {
                    return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
                }
                finally
                {
                    EventThread.afterBlocking();
                }
            }
            return future.getNow(null);
        }
        catch (final TimeoutException | CancellationException | ExecutionException ex)
        {
            return null;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return null;
        }
        finally
        {
            close();
        }
    }

    /**
     * @return true when the last {@link #await} returned at once without waiting because it ran in a handler
     *     whose partition no compensating thread could take over (the cap {@code maxCompensatingThreads}
     *     reached): waiting would have stopped delivery on every topic of that partition.
     */
    public boolean isRefused()
    {
        return refused;
    }

    /** @return true when the dispatcher closed while this was listening. */
    public boolean isCancelled()
    {
        return future.isCancelled();
    }

    /** Stop listening. Idempotent. */
    @Override
    public void close()
    {
        awaiters.remove(this);
    }
}
