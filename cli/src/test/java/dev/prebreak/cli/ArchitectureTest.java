package dev.prebreak.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: the core knows nothing of the adapters around it. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.prebreak");

    @Test
    void coreDependsOnNoAdapter() {
        noClasses().that().resideInAPackage("dev.prebreak.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.prebreak.genesys..", "dev.prebreak.sim..", "dev.prebreak.cli..", "dev.prebreak.aws..")
                .check(CLASSES);
    }

    @Test
    void coreDoesNoHttpAndNoJson() {
        noClasses().that().resideInAPackage("dev.prebreak.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "com.fasterxml..", "com.sun.net.httpserver..")
                .check(CLASSES);
    }

    @Test
    void theGenesysClientKnowsNothingOfTheSimulatorOrTheCommand() {
        noClasses().that().resideInAPackage("dev.prebreak.genesys..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.prebreak.sim..", "dev.prebreak.cli..", "dev.prebreak.aws..")
                .check(CLASSES);
    }

    @Test
    void theSimulatorStandsAlone() {
        noClasses().that().resideInAPackage("dev.prebreak.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.prebreak.core..", "dev.prebreak.genesys..", "dev.prebreak.cli..")
                .check(CLASSES);
    }
}
