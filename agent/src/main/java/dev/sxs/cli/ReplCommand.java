package dev.sxs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sxs repl PID|HOST:PORT [--session NAME [--replace]]}: an interactive prompt against the sxs in a JVM;
 * with a session every entry runs in it (and in the sessions of evals naming it). On a terminal, lines are
 * read through JLine (editing, arrow-key history, Ctrl-C drops the form being typed); from a pipe, plain
 * lines. The loop is {@link ReplLoop}, the history {@link ReplHistory} in {@code ~/.sxs_history}.
 */
@Command(name = "repl", description = {
    "Interactive prompt against the sxs in a JVM, with line editing and history on a terminal.",
    ":history lists entries, !! and !N repeat one, Ctrl-C drops the form being typed, :quit or Ctrl-D leaves."})
final class ReplCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = "--scope", paramLabel = "PREFIX", description = "scope to evaluate in; default: the runtime's")
    String scope;

    @Option(names = "--session", paramLabel = "NAME", description = "run every entry in the named session; "
        + "default: a fresh unnamed session per entry")
    String session;

    @Option(names = "--replace", description = "close the named session before the first entry")
    boolean replace;

    @Option(names = "--history", paramLabel = "FILE", description = "history file (default ~/.sxs_history)")
    Path historyFile = Path.of(System.getProperty("user.home"), ".sxs_history");

    @Override
    public Integer call()
    {
        if (replace && session == null)
        {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--replace needs --session NAME");
        }
        final ReplHistory history = new ReplHistory(historyFile);
        try (RuntimeClient client = target.connect();
             ReplInput in = ReplInput.open(history.entries(), spec.commandLine().getOut()))
        {
            spec.commandLine().getOut().println("sxs repl on " + target.target
                + " (:history, !!, !N, Ctrl-C drops a form, :quit)");
            return new ReplLoop(in, spec.commandLine().getOut(), script ->
            {
                final boolean first = replace;
                replace = false;
                return client.eval(script, scope, session, first);
            }, history).run();
        }
    }
}
