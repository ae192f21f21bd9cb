package dev.sxs.cli;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EnvironmentTest
{
    @Test
    void shouldFindTheAttachAndCompilerModulesOnAFullJdk()
    {
        assertNull(Environment.missingAttach());
        assertNull(Environment.missingCompiler());
    }
}
