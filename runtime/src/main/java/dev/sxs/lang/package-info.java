/**
 * The sxs language: values, reader, printer, compiler/evaluator, commands, budgets.
 *
 * <h2>Values and text</h2>
 * {@link dev.sxs.lang.Value} (sealed: {@link dev.sxs.lang.IntValue}, {@link dev.sxs.lang.RealValue},
 * {@link dev.sxs.lang.StrValue}, {@link dev.sxs.lang.SymValue}, {@link dev.sxs.lang.ListValue},
 * {@link dev.sxs.lang.ErrorValue}). {@link dev.sxs.lang.Reader#read(String)} gives a
 * {@link dev.sxs.lang.ReadResult} (forms, or {@code @"read error at LINE:COL: reason"}), never
 * throws; {@link dev.sxs.lang.Reader#readOne(String)} reads exactly one form.
 * {@link dev.sxs.lang.Printer#print(Value)} is the canonical form (reads back equal).
 *
 * <h2>Compiling and running</h2>
 * <ul>
 *   <li>{@link dev.sxs.lang.Compiler}: form to {@link dev.sxs.lang.Node} ({@code Value eval(Context)}),
 *   once per form; command heads resolved at compile time against a
 *   {@link dev.sxs.lang.CommandRegistry}; unknown head gives {@code @"unknown command 'x'"}.</li>
 *   <li>{@link dev.sxs.lang.Script#compile(String, CommandRegistry)}; {@code List<Value> run(Context)}
 *   gives one value per top-level form (a read error: one error value).</li>
 *   <li>{@link dev.sxs.lang.Body}: the compiled forms of a block {@code {...}}, {@code Value run(Context)},
 *   run any number of times (handler bodies, iteration bodies).</li>
 *   <li>{@link dev.sxs.lang.Interpreter}: registry + {@link dev.sxs.lang.Services} +
 *   {@link dev.sxs.lang.BudgetOptions} (the limits each evaluation gets, with their defaults);
 *   {@code List<Value> eval(String source, Session)}, {@code Script compile(String)},
 *   {@code Script compileCached(String)} (bounded cache by text, used by {@code core/expr/eval}),
 *   {@code Body compileBody(ListValue)}, {@code Context newContext(Session)}.</li>
 * </ul>
 *
 * <h2>Commands</h2>
 * {@link dev.sxs.lang.Command}: {@code Value invoke(Args args, Context ctx)}; the command evaluates
 * what it wants ({@link dev.sxs.lang.Args#eval(int, Context)}), takes block bodies
 * ({@link dev.sxs.lang.Args#body(int)}, compiled once with the call site), and reports misuse with
 * {@link dev.sxs.lang.Args#usage(String)} ({@code @"core/kv/cas: expects KEY EXPECTED NEW"}) or
 * {@link dev.sxs.lang.Args#error(String)}. Add commands with
 * {@code registry.register("core/event/pub", new PubCommand(...))}; the core ones come from
 * {@link dev.sxs.lang.core.CoreCommands#registerAll(CommandRegistry)}, the event ones from
 * {@code dev.sxs.lang.event.EventCommands}. The language reads no runtime configuration: the wiring
 * ({@code dev.sxs.runtime}) hands it its options.
 *
 * <h2>Sessions, contexts, budgets</h2>
 * {@link dev.sxs.lang.Session}: id + scope + scoped {@link dev.sxs.kv.KvStore} + {@link dev.sxs.lang.LogSink}
 * (immutable, shareable). {@link dev.sxs.lang.Context}: one evaluation on one thread: session,
 * {@link dev.sxs.lang.Binding}s ({@code $key $data $channel $topic}; {@code bind} returns the previous
 * value to restore), {@link dev.sxs.lang.Budget} (steps and wall time; exceeded gives
 * {@code @"budget exceeded: N steps"} or {@code @"budget exceeded: N ms"}), call depth limit, and
 * {@code service(Class)} for runtime services (event bus, journal) registered in
 * {@link dev.sxs.lang.Services}. A handler runs as:
 * {@code Context c = interpreter.newContext(session); c.bind(Binding.DATA, payload); body.run(c);}
 *
 * <p>Threading: values, nodes, scripts, bodies, registry, interpreter and sessions are thread-safe;
 * a context and its budget belong to one thread at a time. Nothing here throws to callers:
 * problems are {@link dev.sxs.lang.ErrorValue}s.
 */
package dev.sxs.lang;
