package dev.sxs;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layers of every product module (runtime, jmx, agent with its CLI and bootstrap), checked on their
 * main classes as the agent jar puts them together: no package cycles, neither between top-level packages
 * nor between any two packages (so the subpackages of jmx and the agent, and new packages, are covered),
 * the runtime module below management, agent, CLI and bootstrap, and management below the agent. The
 * layers inside the runtime module are its own test's ({@code dev.sxs.LayeringTest}).
 */
class ProductLayeringTest
{
    private static final String[] RUNTIME_MODULE = {"dev.sxs.kv..", "dev.sxs.events..", "dev.sxs.journal..",
        "dev.sxs.lang..", "dev.sxs.runtime..", "dev.sxs.concurrent..", "dev.sxs.session..", "dev.sxs.gateway..",
        "dev.sxs.log.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses()
    {
        classes = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("dev.sxs");
    }

    @Test
    void shouldSeeEveryProductModule()
    {
        for (final String pkg : new String[] {"dev.sxs.kv", "dev.sxs.runtime", "dev.sxs.jmx", "dev.sxs.jmx.mbean",
            "dev.sxs.agent", "dev.sxs.cli", "dev.sxs.bootstrap", "dev.sxs.session", "dev.sxs.gateway",
            "dev.sxs.nats"})
        {
            assertTrue(classes.containPackage(pkg), pkg);
        }
    }

    @Test
    void shouldHaveNoCycleBetweenTopLevelPackages()
    {
        slices().matching("dev.sxs.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void shouldHaveNoCycleBetweenAnyTwoPackages()
    {
        slices().matching("dev.sxs.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void shouldKeepTheRuntimeModuleFreeOfManagementAgentCliAndBootstrap()
    {
        noClasses().that().resideInAnyPackage(RUNTIME_MODULE)
            .should().dependOnClassesThat().resideInAnyPackage("dev.sxs.jmx..", "dev.sxs.agent..", "dev.sxs.cli..",
                "dev.sxs.bootstrap..")
            .check(classes);
    }

    @Test
    void shouldKeepManagementFreeOfAgentCliAndBootstrap()
    {
        noClasses().that().resideInAPackage("dev.sxs.jmx..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.sxs.agent..", "dev.sxs.cli..", "dev.sxs.bootstrap..")
            .check(classes);
    }

    @Test
    void shouldKeepTheNatsBackendBehindTheRuntimesSeam()
    {
        // the runtime finds the backend by name (ServiceLoader); the backend sees no management, agent or CLI
        noClasses().that().resideInAnyPackage(RUNTIME_MODULE)
            .should().dependOnClassesThat().resideInAPackage("dev.sxs.nats..")
            .check(classes);
        noClasses().that().resideInAPackage("dev.sxs.nats..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.sxs.jmx..", "dev.sxs.agent..", "dev.sxs.cli..", "dev.sxs.bootstrap..")
            .check(classes);
    }
}
