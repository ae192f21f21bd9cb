package dev.sxs.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code sxs replay DIR [options]}: prints (or re-publishes) a journal; the options and exit statuses
 * are those of {@link dev.sxs.journal.ReplayCommand} (see {@code docs/journal.md}).
 */
@Command(name = "replay", description = {
    "Read a journal folder back: sxs replay DIR [--from INDEX | --since TIME] [--to INDEX | --until TIME] [--channel "
        + "C] [--topic T] ...",
    "See docs/journal.md. Exit 0 done, 1 failed part-way, 2 bad usage or not a journal folder."})
final class ReplayCommand implements Callable<Integer>
{
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call()
    {
        final PrintStream out = System.out;
        final int status = dev.sxs.journal.ReplayCommand.run(args, out, System.err);
        out.flush();
        return status;
    }
}
