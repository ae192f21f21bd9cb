package dev.sxs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sxs task PID|HOST:PORT list|show|resume|cancel [ID]}: the durable tasks of the sxs in a JVM
 * (docs/tasks.md), through {@code dev.sxs:type=Tasks}. {@code list} prints one line per task (by
 * {@code --state}, {@code --offset}, {@code --limit}); {@code show ID} the task and its frame;
 * {@code resume ID} and {@code cancel ID} what happened. Exit 0; 1 when there is no such task or the
 * action did nothing; 2 for bad usage.
 */
@Command(name = "task", description = {
    "List, show, resume or cancel the durable tasks of the sxs in a JVM.",
    "list: ID STATE PC FN \"SCOPE\" FRAME [WAITS] [= RESULT]; show ID: that line, then KEY VALUE per frame key."})
final class TaskCommand implements Callable<Integer>
{
    private static final String LONG = long.class.getName();

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Parameters(index = "1", paramLabel = "ACTION", description = "list, show, resume or cancel")
    String action;

    @Parameters(index = "2", arity = "0..1", paramLabel = "ID", description = "the task id (show, resume, cancel)")
    Long id;

    @Option(names = "--state", paramLabel = "STATE", defaultValue = "all",
        description = "list only tasks in STATE: running, paused, waiting, initialized, done, failed, cancelled, all")
    String state;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "list: tasks to skip")
    long offset;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "list: tasks at most")
    int limit;

    @Override
    public Integer call()
    {
        final boolean list = "list".equals(action);
        if (!List.of("list", "show", "resume", "cancel").contains(action) || list == (id != null))
        {
            throw new CliException(SxsCli.EXIT_USAGE, "usage: sxs task PID list | show ID | resume ID | cancel ID");
        }
        final PrintWriter out = spec.commandLine().getOut();
        try (RuntimeClient client = target.connect())
        {
            final Object result = list
                ? client.tasks("list", new Object[] {state, offset, limit},
                    new String[] {String.class.getName(), LONG, int.class.getName()})
                : client.tasks(action, new Object[] {id}, new String[] {LONG});
            if (result instanceof String[] lines)
            {
                return Results.print(List.of(lines), out);
            }
            final String text = String.valueOf(result);
            out.println(text);
            out.flush();
            return Results.isError(text) || text.startsWith("task ") ? SxsCli.EXIT_ERROR_VALUE : SxsCli.EXIT_OK;
        }
    }
}
