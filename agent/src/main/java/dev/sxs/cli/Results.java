package dev.sxs.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints evaluation results the way every command does ({@code run}, {@code eval}, {@code repl}): one
 * canonical printed value per line on stdout, and computes the exit status (an error value prints as
 * {@code @"..."}, and nothing else prints with a leading {@code @}).
 */
final class Results
{
    private Results()
    {
    }

    /**
     * @param printed printed values, one per top-level form.
     * @param out     standard output.
     * @return {@link SxsCli#EXIT_OK}, or {@link SxsCli#EXIT_ERROR_VALUE} when any value is an error.
     */
    static int print(final List<String> printed, final PrintWriter out)
    {
        int status = SxsCli.EXIT_OK;
        for (final String line : printed)
        {
            out.println(line);
            if (isError(line))
            {
                status = SxsCli.EXIT_ERROR_VALUE;
            }
        }
        out.flush();
        return status;
    }

    /**
     * @param printed a printed value.
     * @return true when it is an error value.
     */
    static boolean isError(final String printed)
    {
        return printed.startsWith("@");
    }

    /**
     * @return the agent jar this CLI runs from.
     */
    static java.io.File agentJar()
    {
        final String jar = System.getProperty("sxs.agent.jar");
        if (jar == null)
        {
            throw new CliException(SxsCli.EXIT_USAGE,
                "cannot tell which sxs-agent.jar this is (run sxs with java -jar sxs-agent.jar)");
        }
        return new java.io.File(jar);
    }
}
