package dev.sxs.lang.probe;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which classes a probe may name, and how a name pattern matches. A pattern is a class name in which
 * {@code *} stands for any characters ({@code com.shop.*Service}). The JDK's classes ({@code java.},
 * {@code jdk.}, {@code sun.}, {@code com.sun.}) and sxs's own (its product packages under {@code dev.sxs.}; not
 * the demo) are refused: sxs runs them on
 * its publish path, so a probe there would recurse. (The installer also never touches a class of the boot or
 * platform loader, nor of sxs's own loader, whatever its name.) Stateless.
 */
public final class ProbeTargets
{
    /** The JDK's name prefixes: no probe may name them, and no pattern ever matches them. */
    public static final List<String> JDK_PREFIXES = List.of("java.", "jdk.", "sun.", "com.sun.");
    /** sxs's own packages (the product's, not the demo's): refused like the JDK's. */
    public static final List<String> SXS_PREFIXES = List.of("dev.sxs.agent.", "dev.sxs.bootstrap.",
        "dev.sxs.bridge.", "dev.sxs.cli.", "dev.sxs.concurrent.", "dev.sxs.events.", "dev.sxs.gateway.",
        "dev.sxs.jmx.", "dev.sxs.journal.", "dev.sxs.kv.", "dev.sxs.lang.", "dev.sxs.log.", "dev.sxs.probe.",
        "dev.sxs.runtime.", "dev.sxs.session.");

    private static final Pattern CLASS_PATTERN = Pattern.compile("[\\p{L}\\p{N}_$.*]+");
    private static final Pattern METHOD_PATTERN = Pattern.compile("[\\p{L}\\p{N}_$*]+");

    private ProbeTargets()
    {
    }

    /**
     * @param classPattern  the class name or pattern.
     * @param methodPattern the method name or pattern.
     * @return why these patterns are refused, or null when they may be probed.
     */
    public static String refusal(final String classPattern, final String methodPattern)
    {
        if ("<init>".equals(methodPattern) || "<clinit>".equals(methodPattern))
        {
            return "constructors cannot be probed";
        }
        if (!CLASS_PATTERN.matcher(classPattern).matches())
        {
            return "CLASS must be a class name, with * for any characters, got \"" + classPattern + "\"";
        }
        if (!METHOD_PATTERN.matcher(methodPattern).matches())
        {
            return "METHOD must be a method name or *, got \"" + methodPattern + "\"";
        }
        for (final String prefix : JDK_PREFIXES)
        {
            if (classPattern.startsWith(prefix))
            {
                return "refused: " + classPattern + " is JDK code sxs runs itself (a probe there would recurse)";
            }
        }
        for (final String prefix : SXS_PREFIXES)
        {
            if (classPattern.startsWith(prefix))
            {
                return "refused: " + classPattern + " is sxs's own code (a probe there would recurse)";
            }
        }
        return null;
    }

    /**
     * @param className a class's binary name.
     * @return true when no probe may ever instrument it, whatever the pattern.
     */
    public static boolean refused(final String className)
    {
        for (final String prefix : JDK_PREFIXES)
        {
            if (className.startsWith(prefix))
            {
                return true;
            }
        }
        for (final String prefix : SXS_PREFIXES)
        {
            if (className.startsWith(prefix))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param pattern a name with {@code *} for any characters.
     * @return the regular expression that matches the whole name.
     */
    public static String regex(final String pattern)
    {
        final StringBuilder out = new StringBuilder();
        int from = 0;
        for (int star = pattern.indexOf('*'); star >= 0; star = pattern.indexOf('*', from))
        {
            if (star > from)
            {
                out.append(Pattern.quote(pattern.substring(from, star)));
            }
            out.append(".*");
            from = star + 1;
        }
        if (from < pattern.length())
        {
            out.append(Pattern.quote(pattern.substring(from)));
        }
        return out.toString();
    }

    /**
     * @param pattern a name or pattern.
     * @return true when it holds a {@code *}.
     */
    public static boolean isPattern(final String pattern)
    {
        return pattern.indexOf('*') >= 0;
    }
}
