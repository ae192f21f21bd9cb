package dev.sxs.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The target of {@code eval}, {@code status}, {@code stop} and {@code repl}: a PID, or {@code HOST:PORT}
 * of a remote JMX connector with optional credentials (password from {@code SXS_JMX_PASSWORD} or the
 * console).
 */
final class TargetOptions
{
    @Parameters(index = "0", paramLabel = "PID|HOST:PORT",
        description = "a local JVM's process id, or the host:port of its remote JMX connector")
    String target;

    @Option(names = "--user", paramLabel = "USER",
        description = "JMX user for HOST:PORT (password from $SXS_JMX_PASSWORD or a prompt)")
    String user;

    @Option(names = "--ssl", description = "the remote JMX connector uses TLS")
    boolean ssl;

    /**
     * @return a connected client.
     */
    RuntimeClient connect()
    {
        String password = null;
        if (user != null)
        {
            password = System.getenv("SXS_JMX_PASSWORD");
            if (password == null && System.console() != null)
            {
                final char[] typed = System.console().readPassword("JMX password for %s: ", user);
                password = typed == null ? "" : new String(typed);
            }
            if (password == null)
            {
                throw new CliException(SxsCli.EXIT_USAGE, "no password for JMX user '" + user
                    + "': set SXS_JMX_PASSWORD (there is no terminal to prompt on)");
            }
        }
        return RuntimeClient.connect(target, user, password, ssl);
    }
}
