package dev.sxs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

import javax.management.MBeanException;
import javax.management.RuntimeMBeanException;

import org.junit.jupiter.api.Test;

class MessagesTest
{
    @Test
    void shouldGiveSxsMessageWithoutJavaClassNames()
    {
        final IllegalStateException cause = new IllegalStateException("eval: no result within 15000 ms");
        assertEquals("eval: no result within 15000 ms", Messages.of(new RuntimeMBeanException(cause)));
        assertEquals("eval: no result within 15000 ms",
            Messages.of(new MBeanException(new ExecutionException(cause))));
        assertEquals("disk full", Messages.of(new RuntimeException(new IOException("disk full"))));
        assertEquals("boom", Messages.strip("java.lang.IllegalStateException: dev.sxs.x.Failure: boom"));
        assertEquals("keep: the colon", Messages.strip("keep: the colon"));
        assertEquals("null pointer exception", Messages.of(new NullPointerException()));
    }
}
