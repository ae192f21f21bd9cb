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
 * The layers of the runtime module, checked on its main classes: no package cycles (between top-level
 * packages and between any two packages, so new packages are covered too), the store, events, journal
 * and thread factory below the language and the wiring, the language below the wiring, and nothing of
 * the runtime module reaching up into management, agent, CLI or bootstrap. The same rules over every
 * product module are checked by the agent module's {@code dev.sxs.ProductLayeringTest}.
 */
class LayeringTest
{
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses()
    {
        classes = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("dev.sxs");
    }

    @Test
    void shouldSeeTheRuntimeModulesPackages()
    {
        for (final String pkg : new String[] {"dev.sxs.kv", "dev.sxs.events", "dev.sxs.journal", "dev.sxs.lang",
            "dev.sxs.lang.event", "dev.sxs.runtime", "dev.sxs.concurrent", "dev.sxs.session", "dev.sxs.gateway",
            "dev.sxs.log"})
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
    void shouldKeepStoreEventsJournalAndThreadsFreeOfLanguageAndWiring()
    {
        noClasses().that().resideInAnyPackage("dev.sxs.kv..", "dev.sxs.events..", "dev.sxs.journal..",
                "dev.sxs.concurrent..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sxs.lang..", "dev.sxs.runtime..",
                "dev.sxs.session..", "dev.sxs.gateway..")
            .check(classes);
    }

    @Test
    void shouldKeepTheLanguageFreeOfTheWiring()
    {
        noClasses().that().resideInAPackage("dev.sxs.lang..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sxs.runtime..", "dev.sxs.session..",
                "dev.sxs.gateway..")
            .check(classes);
    }

    @Test
    void shouldKeepSessionsBelowTheGatewayAndBothBelowTheWiring()
    {
        noClasses().that().resideInAPackage("dev.sxs.session..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sxs.gateway..", "dev.sxs.runtime..")
            .check(classes);
        noClasses().that().resideInAPackage("dev.sxs.gateway..")
            .should().dependOnClassesThat().resideInAPackage("dev.sxs.runtime..")
            .check(classes);
    }

    @Test
    void shouldKeepTheRuntimeModuleFreeOfManagementAgentCliAndBootstrap()
    {
        noClasses().that().resideInAnyPackage("dev.sxs.kv..", "dev.sxs.events..", "dev.sxs.journal..",
                "dev.sxs.lang..", "dev.sxs.runtime..", "dev.sxs.concurrent..", "dev.sxs.session..", "dev.sxs.gateway..",
                "dev.sxs.log..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sxs.jmx..", "dev.sxs.agent..", "dev.sxs.cli..",
                "dev.sxs.bootstrap..")
            .check(classes);
    }
}
