package dev.sxs.lang;

/**
 * Classifies a token (a run of non-delimiter characters) as an integer, a real or a symbol.
 * <p>
 * Integers: {@code [+-]?[0-9]+}. Reals: {@code [+-]?} digits with a {@code .} and/or an exponent
 * ({@code 3.14 .5 5. 1E3 -5.67e-3}), and the non-finite reals {@code ##Inf ##-Inf ##NaN}. Anything
 * else is a symbol. Stateless.
 */
final class Atoms
{
    static final String POSITIVE_INFINITY = "##Inf";
    static final String NEGATIVE_INFINITY = "##-Inf";
    static final String NAN = "##NaN";

    private Atoms()
    {
    }

    /**
     * @param token the token, not empty.
     * @param start offset of the token in the source, for errors.
     * @return the value.
     * @throws Reader.ReadException when a number is out of range.
     */
    static Value parse(final String token, final int start)
    {
        final int n = token.length();
        int i = 0;
        final char first = token.charAt(0);
        if (first == '+' || first == '-')
        {
            i++;
        }
        final int digitsStart = i;
        while (i < n && isDigit(token.charAt(i)))
        {
            i++;
        }
        final int intDigits = i - digitsStart;
        if (i == n)
        {
            if (intDigits == 0)
            {
                return new SymValue(token);
            }
            return integer(token, start);
        }
        int fracDigits = 0;
        boolean dot = false;
        if (token.charAt(i) == '.')
        {
            dot = true;
            i++;
            final int fracStart = i;
            while (i < n && isDigit(token.charAt(i)))
            {
                i++;
            }
            fracDigits = i - fracStart;
        }
        if (intDigits + fracDigits == 0)
        {
            return special(token);
        }
        boolean exponent = false;
        if (i < n && (token.charAt(i) == 'e' || token.charAt(i) == 'E'))
        {
            i++;
            if (i < n && (token.charAt(i) == '+' || token.charAt(i) == '-'))
            {
                i++;
            }
            final int expStart = i;
            while (i < n && isDigit(token.charAt(i)))
            {
                i++;
            }
            if (i == expStart)
            {
                return new SymValue(token);
            }
            exponent = true;
        }
        if (i != n || !(dot || exponent))
        {
            return new SymValue(token);
        }
        final double d = Double.parseDouble(token);
        if (Double.isInfinite(d))
        {
            throw new Reader.ReadException(start, "real out of range: " + token);
        }
        return new RealValue(d);
    }

    private static Value special(final String token)
    {
        return switch (token)
        {
            case POSITIVE_INFINITY -> new RealValue(Double.POSITIVE_INFINITY);
            case NEGATIVE_INFINITY -> new RealValue(Double.NEGATIVE_INFINITY);
            case NAN -> new RealValue(Double.NaN);
            default -> new SymValue(token);
        };
    }

    private static Value integer(final String token, final int start)
    {
        try
        {
            return IntValue.of(Long.parseLong(token));
        }
        catch (final NumberFormatException ex)
        {
            throw new Reader.ReadException(start, "integer out of range: " + token);
        }
    }

    private static boolean isDigit(final char c)
    {
        return c >= '0' && c <= '9';
    }
}
