package dev.sxs.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;

import dev.sxs.concurrent.SxsThreadFactory;
import org.junit.jupiter.api.Test;

class ManagementThreadsTest
{
    @Test
    void shouldTellATimedOutScriptCallWhatBecameOfItsScript()
    {
        final ManagementThreads threads = new ManagementThreads(SxsThreadFactory.create(), 1, 1, 2, 1000, 1000, 100,
            1000);
        try
        {
            final CountDownLatch never = new CountDownLatch(1);
            final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> threads.run("evalIn", () ->
            {
                try
                {
                    never.await();
                    return "finished";
                }
                catch (final InterruptedException interrupted)
                {
                    // what RuntimeView answers once it cancelled the script and heard back
                    return "@\"cancelled: no answer within the call's timeout; the script was not run\"";
                }
            }));
            assertEquals("evalIn: no result within 100 ms; @\"cancelled: no answer within the call's timeout; the"
                + " script was not run\"", ex.getMessage());
        }
        finally
        {
            threads.shutdown(1000);
        }
    }
}
