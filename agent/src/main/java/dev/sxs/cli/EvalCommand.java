package dev.sxs.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sxs eval PID|HOST:PORT [--scope S] [--session NAME [--replace]] [--as ENTITY] (SCRIPT | -f FILE)}: run a
 * script in the sxs inside that JVM; prints like {@code run} with the same exit statuses. Evals naming the same
 * session share it: a later one can unsub what an earlier one subscribed; {@code --replace} closes it first;
 * {@code --as} runs as another entity when the caller's own holds the admin right.
 */
@Command(name = "eval",
    description = "Evaluate a script in the sxs inside a JVM; prints each form's value, one per line.")
final class EvalCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = "--scope", paramLabel = "PREFIX",
        description = "scope (hidden key prefix) to evaluate in; default: the runtime's")
    String scope;

    @Option(names = "--session", paramLabel = "NAME", description = "run in the named session (shared by evals "
        + "naming it; its handlers live until it is closed); default: a fresh unnamed session")
    String session;

    @Option(names = "--replace",
        description = "close the named session first (its handlers go): a setup script can run twice")
    boolean replace;

    @Option(names = "--as", paramLabel = "ENTITY",
        description = "run as this entity (the caller's own entity needs the admin right); default: the caller's")
    String as;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SCRIPT", description = "the script text (or use -f)")
    String script;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "read the script from FILE (- for stdin)")
    String file;

    @Override
    public Integer call()
    {
        if ((script == null) == (file == null))
        {
            throw new ParameterException(spec.commandLine(), "give either SCRIPT or -f FILE");
        }
        if (replace && session == null)
        {
            throw new ParameterException(spec.commandLine(), "--replace needs --session NAME");
        }
        final String script = this.script != null ? this.script : ScriptFiles.read(file);
        try (RuntimeClient client = target.connect())
        {
            return Results.print(client.eval(script, scope, session, replace, as), spec.commandLine().getOut());
        }
    }
}
