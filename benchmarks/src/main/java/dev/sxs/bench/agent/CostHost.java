package dev.sxs.bench.agent;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * The host of {@link AgentCost}: prints {@code host up} first thing, then answers on stdin:
 * {@code status} (the {@code sxs.status} property), {@code heap} (heap bytes used after full GCs),
 * {@code exit}. JDK classes only, so it runs from a folder holding just this class.
 */
public final class CostHost
{
    private CostHost()
    {
    }

    /**
     * @param args none.
     * @throws Exception on an I/O failure.
     */
    public static void main(final String[] args) throws Exception
    {
        System.out.println("host up");
        final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null)
        {
            switch (line.trim())
            {
                case "status" -> System.out.println(System.getProperty("sxs.status", "none"));
                case "heap" ->
                {
                    for (int i = 0; i < 4; i++)
                    {
                        System.gc();
                    }
                    System.out.println(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                }
                case "exit" ->
                {
                    return;
                }
                default -> System.out.println("unknown");
            }
        }
    }
}
