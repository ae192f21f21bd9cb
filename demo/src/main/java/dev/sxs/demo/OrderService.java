package dev.sxs.demo;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A pretend order service: takes orders at a steady rate and publishes three business events per
 * order through {@link SxsPublisher}, on channel A:
 * <ul>
 *   <li>topic 1, order placed: the customer's name ({@code "alice"});</li>
 *   <li>topic 2, payment taken: the amount in cents ({@code 1999});</li>
 *   <li>topic 3, order cancelled (about one in ten): the customer's name.</li>
 * </ul>
 * The boot script {@code examples/demo-boot.sxs} turns them into counters in the store.
 * <p>
 * Usage: {@code java -javaagent:sxs-agent.jar=boot=examples/demo-boot.sxs -jar sxs-demo.jar
 * [--rate ORDERS_PER_SECOND] [--duration SECONDS]}; runs until killed when no duration is given.
 */
public final class OrderService
{
    /** Orders per second unless {@code --rate} says otherwise. */
    public static final int DEFAULT_RATE = 20;
    /** Channel of the business events. */
    public static final String CHANNEL = "A";
    /** Topic: an order was placed. */
    public static final int ORDER_PLACED = 1;
    /** Topic: a payment was taken. */
    public static final int PAYMENT_TAKEN = 2;
    /** Topic: an order was cancelled. */
    public static final int ORDER_CANCELLED = 3;

    private static final String[] CUSTOMERS = {"alice", "bob", "carol", "dave", "erin"};

    private OrderService()
    {
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
        final SxsPublisher sxs = new SxsPublisher();
        final Random random = new Random(42);
        final long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        final long end = durationSeconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds)
            : Long.MAX_VALUE;
        System.out.println("order service up: pid " + ProcessHandle.current().pid() + ", " + rate + " orders/s");
        long orders = 0;
        long published = 0;
        long next = System.nanoTime();
        boolean announced = false;
        while (System.nanoTime() < end)
        {
            final String customer = '"' + CUSTOMERS[random.nextInt(CUSTOMERS.length)] + '"';
            final int cents = 500 + random.nextInt(9500);
            orders++;
            if ("true".equals(sxs.publish(CHANNEL, ORDER_PLACED, customer)))
            {
                published++;
                if (!announced)
                {
                    System.out.println("publishing orders to sxs");
                    announced = true;
                }
            }
            sxs.publish(CHANNEL, PAYMENT_TAKEN, Integer.toString(cents));
            if (random.nextInt(10) == 0)
            {
                sxs.publish(CHANNEL, ORDER_CANCELLED, customer);
            }
            if (orders % (rate * 10L) == 0)
            {
                System.out.println("orders taken: " + orders + ", published to sxs: " + published);
            }
            next += periodNanos;
            final long sleep = next - System.nanoTime();
            if (sleep > 0)
            {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        System.out.println("order service done: " + orders + " orders, " + published + " published to sxs");
    }
}
