package dev.sxs.lang.probe;

import java.util.List;

import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * One probe as listed ({@code core/probe/list}, the {@code Probes} MBean, {@code sxs probe PID list}). Immutable.
 *
 * @param spec      the probe.
 * @param methods   methods instrumented so far.
 * @param hits      calls seen (whether published, capped or sampled out).
 * @param published events accepted by the channel.
 * @param dropped   events lost: the channel was full or refused them.
 * @param capped    calls held back by the per-second cap.
 */
public record ProbeInfo(ProbeSpec spec, int methods, long hits, long published, long dropped, long capped)
{
    /**
     * @return {@code [CLASS METHOD CHANNEL TOPIC METHODS HITS PUBLISHED DROPPED CAPPED SESSION]}.
     */
    public Value toValue()
    {
        return new ListValue(ListKind.SEQUENCE, List.of(new StrValue(spec.classPattern()),
            new StrValue(spec.methodPattern()), new SymValue(spec.channel().label()), IntValue.of(spec.topic()),
            IntValue.of(methods), IntValue.of(hits), IntValue.of(published), IntValue.of(dropped), IntValue.of(capped),
            IntValue.of(spec.owner())));
    }
}
