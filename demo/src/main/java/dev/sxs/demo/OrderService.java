package dev.sxs.demo;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A pretend order service with no sxs code at all: it takes orders at a steady rate, and for each one calls
 * {@link #place}, then {@link #pay}, and about one order in ten {@link #cancel}. sxs sees those calls only
 * through probes: the boot script {@code examples/demo-boot.sxs} probes the three methods and turns each
 * call's event into counters in the store.
 * <p>
 * Usage: {@code java -javaagent:sxs-agent.jar=boot=examples/demo-boot.sxs -jar sxs-demo.jar
 * [--rate ORDERS_PER_SECOND] [--duration SECONDS]}; runs until killed when no duration is given.
 */
public final class OrderService
{
    /** Orders per second unless {@code --rate} says otherwise. */
    public static final int DEFAULT_RATE = 20;

    private static final String[] CUSTOMERS = {"alice", "bob", "carol", "dave", "erin"};

    private long nextOrder = 1;
    private long revenueCents;
    private long cancelled;

    /**
     * Take an order.
     *
     * @param customer who orders.
     * @param item     what.
     * @return the order's number.
     */
    public long place(final String customer, final String item)
    {
        if (customer.isEmpty() || item.isEmpty())
        {
            throw new IllegalArgumentException("an order needs a customer and an item");
        }
        return nextOrder++;
    }

    /**
     * Take the payment of an order.
     *
     * @param order the order's number.
     * @param cents the amount.
     * @return the revenue so far, in cents.
     */
    public long pay(final long order, final int cents)
    {
        revenueCents += cents;
        return revenueCents;
    }

    /**
     * Cancel an order.
     *
     * @param order    the order's number.
     * @param customer who ordered it.
     * @return orders cancelled so far.
     */
    public long cancel(final long order, final String customer)
    {
        return ++cancelled;
    }

    /**
     * @param args {@code [--rate N] [--duration SECONDS]}.
     * @throws InterruptedException when interrupted.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        int rate = DEFAULT_RATE;
        long durationSeconds = 0;
        for (int i = 0; i + 1 < args.length; i += 2)
        {
            switch (args[i])
            {
                case "--rate" -> rate = Math.max(1, Integer.parseInt(args[i + 1]));
                case "--duration" -> durationSeconds = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                    + " (expected --rate N, --duration SECONDS)");
            }
        }
        final OrderService service = new OrderService();
        final Random random = new Random(42);
        final String[] items = {"book", "lamp", "pen", "mug"};
        final long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        final long end = durationSeconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds)
            : Long.MAX_VALUE;
        System.out.println("order service up: pid " + ProcessHandle.current().pid() + ", " + rate + " orders/s");
        long orders = 0;
        long next = System.nanoTime();
        while (System.nanoTime() < end)
        {
            final String customer = CUSTOMERS[random.nextInt(CUSTOMERS.length)];
            final long order = service.place(customer, items[random.nextInt(items.length)]);
            service.pay(order, 500 + random.nextInt(9500));
            if (random.nextInt(10) == 0)
            {
                service.cancel(order, customer);
            }
            orders++;
            if (orders % (rate * 10L) == 0)
            {
                System.out.println("orders taken: " + orders + ", revenue (cents): " + service.revenueCents);
            }
            next += periodNanos;
            final long sleep = next - System.nanoTime();
            if (sleep > 0)
            {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        System.out.println("order service done: " + orders + " orders");
    }
}
