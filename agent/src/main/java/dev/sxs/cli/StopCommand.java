package dev.sxs.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sxs stop PID|HOST:PORT}: unload sxs from that JVM (drain, close files, unregister MBeans, drop
 * its class loader). The JVM keeps running; a later {@code attach} starts sxs again.
 */
@Command(name = "stop",
    description = "Unload sxs from a JVM: drains, closes files, removes its threads and MBeans. The JVM keeps running.")
final class StopCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Override
    public Integer call()
    {
        try (RuntimeClient client = target.connect())
        {
            final String answer = client.stop();
            spec.commandLine().getOut().println("sxs " + answer + " in " + target.target);
            return SxsCli.EXIT_OK;
        }
    }
}
