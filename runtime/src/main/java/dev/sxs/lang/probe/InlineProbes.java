package dev.sxs.lang.probe;

import java.util.ArrayList;
import java.util.List;

import dev.sxs.events.Channel;

/**
 * Probes written inline in a setting (the agent argument {@code probe=}, {@code sxs.probe}, {@code SXS_PROBE}):
 * one or more {@code CLASS#METHOD@CHANNEL:TOPIC[ OPTIONS]} separated by {@code ;}, each the same probe as
 * {@code (core/probe/on CLASS METHOD CHANNEL TOPIC "OPTIONS")}. CLASS and METHOD are names or {@code *} patterns,
 * CHANNEL {@code A}..{@code F}, TOPIC 0..65535, OPTIONS the probe's {@code KEY=VALUE} words after the first
 * blank. Agent arguments split on commas, so inline probes have none (options are separated by blanks).
 * <p>
 * Stateless; {@link #validate} runs when the settings are read, so a malformed probe stops the agent before
 * anything is opened, with one line naming it.
 */
public final class InlineProbes
{
    /** The shape of one inline probe, for messages. */
    public static final String SHAPE = "CLASS#METHOD@CHANNEL:TOPIC[ OPTIONS]";
    /** What {@link #validate} says before the probe that is wrong (the settings put it after "expected"). */
    public static final String EXPECTED = SHAPE + " separated by ';'; ";

    private InlineProbes()
    {
    }

    /**
     * @param text the setting's value; blank for none.
     * @return {@code text}, trimmed, when every probe in it is well formed.
     * @throws IllegalArgumentException {@value #EXPECTED} then the first malformed probe and what is wrong.
     */
    public static String validate(final String text)
    {
        try
        {
            forms(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(EXPECTED + ex.getMessage(), ex);
        }
        return text.trim();
    }

    /**
     * @param text the setting's value; blank for none.
     * @return one {@code core/probe/on} form per probe, in order (empty for none).
     * @throws IllegalArgumentException naming the first malformed probe and what is wrong with it.
     */
    public static List<String> forms(final String text)
    {
        final List<String> forms = new ArrayList<>();
        for (final String one : text.split(";"))
        {
            if (!one.isBlank())
            {
                forms.add(form(one.trim()));
            }
        }
        return forms;
    }

    private static String form(final String probe)
    {
        final int blank = indexOfBlank(probe);
        final String target = blank < 0 ? probe : probe.substring(0, blank);
        final String options = blank < 0 ? "" : probe.substring(blank + 1).trim();
        final int hash = target.indexOf('#');
        final int at = target.indexOf('@', hash + 1);
        final int colon = target.indexOf(':', at + 1);
        if (hash <= 0 || at <= hash + 1 || colon <= at + 1 || colon == target.length() - 1)
        {
            throw bad(probe, "not of that form");
        }
        final String classes = target.substring(0, hash);
        final String methods = target.substring(hash + 1, at);
        final Channel channel = Channel.byName(target.substring(at + 1, colon));
        if (channel == null || channel == Channel.EXEC)
        {
            throw bad(probe, "CHANNEL must be A..F");
        }
        final int topic = topic(probe, target.substring(colon + 1));
        final String refusal = ProbeTargets.refusal(classes, methods); // also: only name characters, no quote
        if (refusal != null)
        {
            throw bad(probe, refusal);
        }
        try
        {
            ProbeOptions.parse(options);
        }
        catch (final IllegalArgumentException ex)
        {
            throw bad(probe, ex.getMessage());
        }
        return "(core/probe/on \"" + classes + "\" \"" + methods + "\" " + channel.label() + " " + topic + " \""
            + options + "\")";
    }

    private static int topic(final String probe, final String text)
    {
        try
        {
            final int topic = Integer.parseInt(text);
            if (Channel.isValidTopic(topic))
            {
                return topic;
            }
        }
        catch (final NumberFormatException ex)
        {
            // said below
        }
        throw bad(probe, "TOPIC must be an integer 0..65535");
    }

    private static int indexOfBlank(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            if (Character.isWhitespace(text.charAt(i)))
            {
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException bad(final String probe, final String why)
    {
        return new IllegalArgumentException("probe '" + probe + "': " + why);
    }
}
