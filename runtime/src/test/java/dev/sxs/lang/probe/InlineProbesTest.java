package dev.sxs.lang.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;

class InlineProbesTest
{
    @Test
    void shouldTurnEachInlineProbeIntoAProbeOnForm()
    {
        assertEquals(List.of("(core/probe/on \"com.shop.OrderService\" \"place\" A 1 \"\")",
            "(core/probe/on \"com.shop.*Repository\" \"*\" F 65535 \"args=false cap=1000\")"),
            InlineProbes.forms(" com.shop.OrderService#place@A:1 ;"
                + "com.shop.*Repository#*@f:65535  args=false cap=1000;"));
        assertEquals(List.of(), InlineProbes.forms(""));
        assertEquals(List.of(), InlineProbes.forms(" ; "));
    }

    @Test
    void shouldNameAMalformedProbeAndWhatIsWrong()
    {
        assertEquals("probe 'com.shop.A#place': not of that form",
            message("com.shop.A#place"));
        assertEquals("probe '#place@A:1': not of that form", message("#place@A:1"));
        assertEquals("probe 'a.B#m@A:': not of that form", message("a.B#m@A:"));
        assertEquals("probe 'a.B#m@exec:1': CHANNEL must be A..F", message("a.B#m@exec:1"));
        assertEquals("probe 'a.B#m@G:1': CHANNEL must be A..F", message("a.B#m@G:1"));
        assertEquals("probe 'a.B#m@A:70000': TOPIC must be an integer 0..65535", message("a.B#m@A:70000"));
        assertEquals("probe 'a.B#m\"x@A:1': METHOD must be a method name or *, got \"m\"x\"",
            message("a.B#m\"x@A:1"));
        assertEquals("probe 'a.B#m@A:1 speed=1': unknown option 'speed' (args, result, time, tostring, maxstr, "
            + "sample, cap)", message("a.B#m@A:1 speed=1"));
        assertTrue(message("java.lang.String#length@A:1").startsWith("probe 'java.lang.String#length@A:1': "
            + "refused: java.lang.String is JDK code"), message("java.lang.String#length@A:1"));
        assertEquals("probe 'b.C#n@A:x': TOPIC must be an integer 0..65535", message("a.B#m@A:1;b.C#n@A:x"),
            "the first malformed one of several");
    }

    @Test
    void shouldRefuseAMalformedProbeWhenTheSettingsAreRead()
    {
        assertEquals("a.B#m@A:1", Config.defaults().with(Map.of("probe", " a.B#m@A:1 ")).inlineProbes());
        assertEquals("", Config.defaults().inlineProbes());
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> Config.defaults().with(Map.of("probe", "a.B#m")));
        assertEquals("bad value for 'probe': 'a.B#m' (expected CLASS#METHOD@CHANNEL:TOPIC[ OPTIONS] separated by ';'; "
            + "probe 'a.B#m': not of that form)", ex.getMessage());
    }

    /** @return what is wrong with the probe, after what {@link InlineProbes#validate} expected. */
    private static String message(final String text)
    {
        final String message = assertThrows(IllegalArgumentException.class, () -> InlineProbes.validate(text))
            .getMessage();
        assertTrue(message.startsWith(InlineProbes.EXPECTED), message);
        return message.substring(InlineProbes.EXPECTED.length());
    }
}
