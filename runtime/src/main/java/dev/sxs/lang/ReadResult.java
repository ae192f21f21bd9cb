package dev.sxs.lang;

import java.util.List;

/**
 * What {@link Reader#read(String)} produced: the forms of the source, or a read error.
 *
 * @param forms the top-level forms in order; empty when there is an error.
 * @param error the read error ({@code read error at LINE:COL: reason}), or null when the read
 *              succeeded.
 */
public record ReadResult(List<Value> forms, ErrorValue error)
{
    public ReadResult
    {
        forms = List.copyOf(forms);
    }

    /** @return true when the source read without error. */
    public boolean ok()
    {
        return error == null;
    }
}
