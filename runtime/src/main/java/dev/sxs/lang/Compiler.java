package dev.sxs.lang;

import java.util.List;

/**
 * Compiles forms into executable {@link Node} trees, once per form. Command heads are resolved
 * here against the {@link CommandRegistry}; an unknown head compiles to a node returning
 * {@code @"unknown command 'head'"}. Literal block arguments are compiled into {@link Body}s, so a
 * handler body is compiled when it is registered, not each time it runs.
 * <p>
 * Compilation rules: integers, reals, strings, error literals and blocks are constants; a symbol
 * naming a {@link Binding} reads the context; {@code $CHANNEL_A}..{@code $CHANNEL_F} are the
 * constant symbols {@code A}..{@code F}; any other {@code $NAME} reads the context's local names
 * (itself when unbound); other symbols are constants (themselves); {@code (quote x)}
 * (written {@code 'x}) is the constant {@code x}; the empty call {@code ()} is the constant
 * {@code ()}; sequences evaluate their elements in order and give the last value.
 * <p>
 * Threading: thread-safe (stateless apart from the registry). Failure: never throws.
 */
public final class Compiler
{
    private static final String CHANNEL_PREFIX = "$CHANNEL_";

    private final CommandRegistry registry;

    /**
     * @param registry where command heads are resolved.
     */
    public Compiler(final CommandRegistry registry)
    {
        this.registry = registry;
    }

    /** @return the registry heads are resolved against. */
    public CommandRegistry registry()
    {
        return registry;
    }

    /**
     * Compile one form.
     *
     * @param form the form, as read.
     * @return its executable node.
     */
    public Node compile(final Value form)
    {
        if (form instanceof SymValue s)
        {
            return symbol(s);
        }
        if (form instanceof ListValue l)
        {
            return switch (l.kind())
            {
                case CALL -> call(l);
                case SEQUENCE -> new SequenceNode(compileAll(l.items()));
                case BLOCK -> new ConstNode(l);
            };
        }
        return new ConstNode(form);
    }

    /**
     * Compile the forms of a block into a body.
     *
     * @param block a list whose items are the forms (normally a {@link ListKind#BLOCK}).
     * @return the body.
     */
    public Body compileBody(final ListValue block)
    {
        return new Body(block, compileAll(block.items()));
    }

    private Node[] compileAll(final List<Value> forms)
    {
        final Node[] nodes = new Node[forms.size()];
        for (int i = 0; i < nodes.length; i++)
        {
            nodes[i] = compile(forms.get(i));
        }
        return nodes;
    }

    private static Node symbol(final SymValue s)
    {
        final String name = s.name();
        final Binding binding = Binding.bySymbol(name);
        if (binding != null)
        {
            return new BindingNode(binding, s);
        }
        if (name.length() == CHANNEL_PREFIX.length() + 1 && name.startsWith(CHANNEL_PREFIX))
        {
            final char c = name.charAt(CHANNEL_PREFIX.length());
            if (c >= 'A' && c <= 'F')
            {
                return new ConstNode(new SymValue(String.valueOf(c)));
            }
        }
        if (name.length() > 1 && name.charAt(0) == '$')
        {
            return new LocalNode(s);
        }
        return new ConstNode(s);
    }

    private Node call(final ListValue call)
    {
        final List<Value> items = call.items();
        if (items.isEmpty())
        {
            return new ConstNode(call);
        }
        final Value head = items.get(0);
        if (Printer.isQuote(call))
        {
            return new ConstNode(items.get(1));
        }
        final Command command = head instanceof SymValue s ? registry.lookup(s.name()) : null;
        if (command == null)
        {
            final String name = head instanceof SymValue s ? s.name() : Printer.print(head);
            if (head.equals(Reader.QUOTE))
            {
                return new ConstNode(new ErrorValue("quote: expects exactly one form"));
            }
            return new ConstNode(new ErrorValue("unknown command '" + name + "'"));
        }
        final int n = items.size() - 1;
        final Value[] forms = new Value[n];
        final Node[] nodes = new Node[n];
        final Body[] bodies = new Body[n];
        for (int i = 0; i < n; i++)
        {
            final Value arg = items.get(i + 1);
            forms[i] = arg;
            nodes[i] = compile(arg);
            if (arg instanceof ListValue l && l.kind() == ListKind.BLOCK)
            {
                bodies[i] = compileBody(l);
            }
        }
        return new CallNode(command, new Args(((SymValue)head).name(), forms, nodes, bodies));
    }
}
