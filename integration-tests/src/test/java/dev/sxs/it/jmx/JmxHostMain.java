package dev.sxs.it.jmx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A host service that knows nothing of sxs: says it is ready, then runs until its stdin closes.
 */
public final class JmxHostMain
{
    private JmxHostMain()
    {
    }

    /**
     * @param args unused.
     * @throws IOException when stdin fails.
     */
    public static void main(final String[] args) throws IOException
    {
        System.out.println("host ready");
        System.out.flush();
        final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null)
        {
            System.out.println("host alive");
            System.out.flush();
        }
    }
}
