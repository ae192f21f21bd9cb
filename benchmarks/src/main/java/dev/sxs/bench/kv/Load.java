package dev.sxs.bench.kv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the figures are read against: the machine's load average (Linux {@code /proc/loadavg}) and the disk
 * blocks a file really holds ({@code du}: store files are sparse). Stateless.
 */
public final class Load
{
    private Load()
    {
    }

    /**
     * @return the 1, 5 and 15 minute load averages, e.g. {@code "2.10 1.85 1.40"}, or {@code "unknown"}.
     */
    public static String average()
    {
        try
        {
            final String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        catch (final IOException | RuntimeException ex)
        {
            return "unknown";
        }
    }

    /**
     * @param path a file or folder.
     * @return bytes of disk blocks allocated to it ({@code du -sB1}), or its length when {@code du} fails.
     */
    public static long allocatedBytes(final Path path)
    {
        try
        {
            final Process du = new ProcessBuilder("du", "-sB1", path.toString()).redirectErrorStream(true).start();
            final String out = new String(du.getInputStream().readAllBytes()).trim();
            if (du.waitFor() == 0)
            {
                return Long.parseLong(out.split("\\s+")[0]);
            }
            return Files.size(path);
        }
        catch (final IOException | RuntimeException ex)
        {
            return -1;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
