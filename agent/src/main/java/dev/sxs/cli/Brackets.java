package dev.sxs.cli;

/**
 * Counts unclosed brackets of sxs source, ignoring strings and comments, so the REPL knows when a
 * form is complete. Not a reader: the runtime reports the real read errors.
 */
final class Brackets
{
    private Brackets()
    {
    }

    /**
     * @param source text typed so far.
     * @return how many {@code ( [ {} are still open (negative when more closers than openers), or 1
     *         while a string is unterminated.
     */
    static int open(final CharSequence source)
    {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < source.length(); i++)
        {
            final char c = source.charAt(i);
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
                continue;
            }
            switch (c)
            {
                case '"' -> inString = true;
                case ';' ->
                {
                    while (i < source.length() && source.charAt(i) != '\n')
                    {
                        i++;
                    }
                }
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                default ->
                {
                }
            }
        }
        return inString ? Math.max(depth, 1) : depth;
    }
}
