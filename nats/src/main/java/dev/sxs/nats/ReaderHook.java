package dev.sxs.nats;

import java.lang.reflect.Method;
import java.util.function.Function;
import java.util.function.Predicate;

import io.nats.client.Message;
import io.nats.client.Subscription;

/**
 * Lets a subscription's messages be taken on the client's reader thread as they arrive, instead of queued for a
 * consumer thread: one thread hand-off less per message (docs/benchmarks.md, "NATS publish-to-handler, wave 7").
 * jnats runs a subscription's "before queue" function on its reader for every message and queues the message
 * only when it returns true; its setter is not public API (JetStream's push and pull managers use it), so it is
 * reached by reflection, and where this jnats has no such setter nothing is installed and the messages are
 * queued as before.
 * <p>
 * Threading: install before messages arrive; the taker then runs on the reader thread and must not throw.
 */
final class ReaderHook
{
    private static final String SETTER = "setBeforeQueueProcessor";

    private ReaderHook()
    {
    }

    /**
     * @param subscription a core subscription of jnats.
     * @param taker        given each message on the reader thread: true when it took it (not queued), false to
     *                     queue it for {@link Subscription#nextMessage}.
     * @return true when installed; false when this client has no such hook (every message is queued).
     */
    static boolean install(final Subscription subscription, final Predicate<Message> taker)
    {
        final Function<Message, Boolean> beforeQueue = message -> !taker.test(message);
        for (Class<?> type = subscription.getClass(); type != null; type = type.getSuperclass())
        {
            try
            {
                final Method setter = type.getDeclaredMethod(SETTER, Function.class);
                setter.setAccessible(true);
                setter.invoke(subscription, beforeQueue);
                return true;
            }
            catch (final NoSuchMethodException absent)
            {
                // look in the superclass
            }
            catch (final ReflectiveOperationException | RuntimeException refused)
            {
                return false;
            }
        }
        return false;
    }
}
