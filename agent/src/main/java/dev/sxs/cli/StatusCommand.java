package dev.sxs.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sxs status PID|HOST:PORT}: whether sxs runs in that JVM, and its summary.
 * Exit 0 when it runs, 1 when it is not loaded, stopped or failed, 3 when the JVM cannot be reached.
 */
@Command(name = "status",
    description = {"Tell whether sxs runs in a JVM, with its summary (exit 0 running, 1 not running).",
        "Version, uptime, data folder, store entries, journal size, and per channel: events published, delivered, "
            + "discarded, rejected, handler errors."})
final class StatusCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Override
    public Integer call()
    {
        if (target.target.matches("\\d+"))
        {
            final String status = TargetJvm.of(target.target).sxsStatus();
            if (!status.equals("running"))
            {
                spec.commandLine().getOut().println("sxs: " + status);
                return SxsCli.EXIT_ERROR_VALUE;
            }
        }
        try (RuntimeClient client = target.connect())
        {
            spec.commandLine().getOut().println(StatusReport.of(client, target.target));
            return SxsCli.EXIT_OK;
        }
    }
}
