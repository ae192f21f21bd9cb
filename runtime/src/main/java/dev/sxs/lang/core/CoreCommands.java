package dev.sxs.lang.core;

import dev.sxs.lang.CommandRegistry;
import dev.sxs.lang.expr.CompareCommand;
import dev.sxs.lang.expr.EqCommand;
import dev.sxs.lang.expr.IfCommand;
import dev.sxs.lang.expr.LetCommand;
import dev.sxs.lang.expr.NeCommand;
import dev.sxs.lang.expr.NotCommand;
import dev.sxs.lang.expr.ShortCircuitCommand;
import dev.sxs.lang.expr.WhileCommand;
import dev.sxs.lang.fn.FnCommands;
import dev.sxs.lang.list.AppendCommand;
import dev.sxs.lang.list.EachCommand;
import dev.sxs.lang.list.ListLenCommand;
import dev.sxs.lang.list.NewListCommand;
import dev.sxs.lang.list.NthCommand;
import dev.sxs.lang.math.AbsCommand;
import dev.sxs.lang.math.AddCommand;
import dev.sxs.lang.math.DivCommand;
import dev.sxs.lang.math.ExtremeCommand;
import dev.sxs.lang.math.ModCommand;
import dev.sxs.lang.math.MulCommand;
import dev.sxs.lang.math.SubCommand;
import dev.sxs.lang.str.CaseCommand;
import dev.sxs.lang.str.ConcatCommand;
import dev.sxs.lang.str.ContainsCommand;
import dev.sxs.lang.str.JoinCommand;
import dev.sxs.lang.str.NumCommand;
import dev.sxs.lang.str.SplitCommand;
import dev.sxs.lang.str.StrLenCommand;
import dev.sxs.lang.str.SubstringCommand;

/**
 * Registers the core commands of the language that need no runtime service: the key/value
 * commands, {@code core/expr/eval}, {@code core/util/log}, {@code core/util/now}, the conditions,
 * comparisons, {@code let} and {@code while} of {@code core/expr/*}, {@code core/math/*},
 * {@code core/str/*}, {@code core/list/*} and the stored functions {@code core/fn/*}. The event
 * commands ({@code core/event/*}, {@code core/expr/await}) are registered by
 * {@code dev.sxs.lang.event.EventCommands}.
 */
public final class CoreCommands
{
    /** {@code core/kv/set}. */
    public static final String SET = "core/kv/set";
    /** {@code core/kv/get}. */
    public static final String GET = "core/kv/get";
    /** {@code core/kv/del}. */
    public static final String DEL = "core/kv/del";
    /** {@code core/kv/exists}. */
    public static final String EXISTS = "core/kv/exists";
    /** {@code core/kv/snx}. */
    public static final String SNX = "core/kv/snx";
    /** {@code core/kv/cas}. */
    public static final String CAS = "core/kv/cas";
    /** {@code core/kv/incr}. */
    public static final String INCR = "core/kv/incr";
    /** {@code core/kv/iterate}. */
    public static final String ITERATE = "core/kv/iterate";
    /** {@code core/expr/eval}. */
    public static final String EVAL = "core/expr/eval";
    /** {@code core/util/log}. */
    public static final String LOG = "core/util/log";
    /** {@code core/util/now}. */
    public static final String NOW = "core/util/now";

    /** {@code core/expr/if}. */
    public static final String IF = "core/expr/if";
    /** {@code core/expr/and}. */
    public static final String AND = "core/expr/and";
    /** {@code core/expr/or}. */
    public static final String OR = "core/expr/or";
    /** {@code core/expr/not}. */
    public static final String NOT = "core/expr/not";
    /** {@code core/expr/eq}. */
    public static final String EQ = "core/expr/eq";
    /** {@code core/expr/ne}. */
    public static final String NE = "core/expr/ne";
    /** {@code core/expr/lt}. */
    public static final String LT = "core/expr/lt";
    /** {@code core/expr/le}. */
    public static final String LE = "core/expr/le";
    /** {@code core/expr/gt}. */
    public static final String GT = "core/expr/gt";
    /** {@code core/expr/ge}. */
    public static final String GE = "core/expr/ge";
    /** {@code core/expr/let}. */
    public static final String LET = "core/expr/let";
    /** {@code core/expr/while}. */
    public static final String WHILE = "core/expr/while";
    /** {@code core/math/add}. */
    public static final String ADD = "core/math/add";
    /** {@code core/math/sub}. */
    public static final String SUB = "core/math/sub";
    /** {@code core/math/mul}. */
    public static final String MUL = "core/math/mul";
    /** {@code core/math/div}. */
    public static final String DIV = "core/math/div";
    /** {@code core/math/mod}. */
    public static final String MOD = "core/math/mod";
    /** {@code core/math/min}. */
    public static final String MIN = "core/math/min";
    /** {@code core/math/max}. */
    public static final String MAX = "core/math/max";
    /** {@code core/math/abs}. */
    public static final String ABS = "core/math/abs";
    /** {@code core/str/concat}. */
    public static final String CONCAT = "core/str/concat";
    /** {@code core/str/len}. */
    public static final String STR_LEN = "core/str/len";
    /** {@code core/str/sub}. */
    public static final String STR_SUB = "core/str/sub";
    /** {@code core/str/split}. */
    public static final String SPLIT = "core/str/split";
    /** {@code core/str/join}. */
    public static final String JOIN = "core/str/join";
    /** {@code core/str/contains}. */
    public static final String CONTAINS = "core/str/contains";
    /** {@code core/str/upper}. */
    public static final String UPPER = "core/str/upper";
    /** {@code core/str/lower}. */
    public static final String LOWER = "core/str/lower";
    /** {@code core/str/trim}. */
    public static final String TRIM = "core/str/trim";
    /** {@code core/str/num}. */
    public static final String NUM = "core/str/num";
    /** {@code core/list/new}. */
    public static final String LIST_NEW = "core/list/new";
    /** {@code core/list/len}. */
    public static final String LIST_LEN = "core/list/len";
    /** {@code core/list/nth}. */
    public static final String NTH = "core/list/nth";
    /** {@code core/list/each}. */
    public static final String EACH = "core/list/each";
    /** {@code core/list/append}. */
    public static final String APPEND = "core/list/append";

    private CoreCommands()
    {
    }

    /**
     * Register every core command.
     *
     * @param registry where to register.
     * @return the registry, for chaining.
     */
    public static CommandRegistry registerAll(final CommandRegistry registry)
    {
        registry
            .register(SET, new SetCommand())
            .register(GET, new GetCommand())
            .register(DEL, new DelCommand())
            .register(EXISTS, new ExistsCommand())
            .register(SNX, new SnxCommand())
            .register(CAS, new CasCommand())
            .register(INCR, new IncrCommand())
            .register(ITERATE, new IterateCommand())
            .register(EVAL, new EvalCommand())
            .register(LOG, new LogCommand())
            .register(NOW, new NowCommand())
            .register(IF, new IfCommand())
            .register(AND, ShortCircuitCommand.AND)
            .register(OR, ShortCircuitCommand.OR)
            .register(NOT, new NotCommand())
            .register(EQ, new EqCommand())
            .register(NE, new NeCommand())
            .register(LT, new CompareCommand(CompareCommand.Op.LT))
            .register(LE, new CompareCommand(CompareCommand.Op.LE))
            .register(GT, new CompareCommand(CompareCommand.Op.GT))
            .register(GE, new CompareCommand(CompareCommand.Op.GE))
            .register(LET, new LetCommand())
            .register(WHILE, new WhileCommand())
            .register(ADD, new AddCommand())
            .register(SUB, new SubCommand())
            .register(MUL, new MulCommand())
            .register(DIV, new DivCommand())
            .register(MOD, new ModCommand())
            .register(MIN, new ExtremeCommand(false))
            .register(MAX, new ExtremeCommand(true))
            .register(ABS, new AbsCommand())
            .register(CONCAT, new ConcatCommand())
            .register(STR_LEN, new StrLenCommand())
            .register(STR_SUB, new SubstringCommand())
            .register(SPLIT, new SplitCommand())
            .register(JOIN, new JoinCommand())
            .register(CONTAINS, new ContainsCommand())
            .register(UPPER, new CaseCommand(CaseCommand.Change.UPPER))
            .register(LOWER, new CaseCommand(CaseCommand.Change.LOWER))
            .register(TRIM, new CaseCommand(CaseCommand.Change.TRIM))
            .register(NUM, new NumCommand())
            .register(LIST_NEW, new NewListCommand())
            .register(LIST_LEN, new ListLenCommand())
            .register(NTH, new NthCommand())
            .register(EACH, new EachCommand())
            .register(APPEND, new AppendCommand());
        return FnCommands.registerAll(registry);
    }
}
