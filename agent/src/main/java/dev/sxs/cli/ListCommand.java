package dev.sxs.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.sun.tools.attach.VirtualMachineDescriptor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sxs list}: the JVMs of this user on this machine, each with sxs's state in it.
 */
@Command(name = "list", description = "List the JVMs of this user on this machine and whether sxs runs in each.")
final class ListCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        final long self = ProcessHandle.current().pid();
        final List<VirtualMachineDescriptor> vms = TargetJvm.list(); // fails first, without a header, on a JRE
        spec.commandLine().getOut().printf("%-8s %-14s %s%n", "PID", "SXS", "MAIN");
        for (final VirtualMachineDescriptor vm : vms)
        {
            if (vm.id().equals(Long.toString(self)))
            {
                continue;
            }
            String status;
            try
            {
                status = TargetJvm.of(vm.id()).sxsStatus();
            }
            catch (final CliException ex)
            {
                status = "unreachable";
            }
            final String name = vm.displayName().isEmpty() ? "?" : vm.displayName();
            spec.commandLine().getOut()
                .printf("%-8s %-14s %s%n", vm.id(), status.startsWith("failed") ? "failed" : status, name);
        }
        return SxsCli.EXIT_OK;
    }
}
