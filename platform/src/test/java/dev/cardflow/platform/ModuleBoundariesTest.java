package dev.cardflow.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of ARCHITECTURE.md, checked on the compiled classes. */
class ModuleBoundariesTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cardflow");
    }

    @Test
    void theContractHoldsNothingButMessages() {
        noClasses().that().resideInAPackage("dev.cardflow.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "dev.cardflow.order..", "dev.cardflow.fulfilment..",
                        "dev.cardflow.infrastructure..", "dev.cardflow.simulator..", "dev.cardflow.platform..")
                .check(classes);
    }

    @Test
    void theCommandSideNeverReadsProjectionsNorRunsTheSaga() {
        noClasses().that().resideInAPackage("dev.cardflow.order.command..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.cardflow.order.query..", "dev.cardflow.fulfilment..", "dev.cardflow.simulator..")
                .check(classes);
    }

    @Test
    void theQuerySideNeverTouchesAggregatesNorTheSaga() {
        noClasses().that().resideInAPackage("dev.cardflow.order.query..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.cardflow.order.command..", "dev.cardflow.fulfilment..", "dev.cardflow.simulator..")
                .check(classes);
    }

    @Test
    void theQuerySideSendsNoCommands() {
        noClasses().that().resideInAPackage("dev.cardflow.order.query..")
                .should().dependOnClassesThat().haveNameMatching("org.axonframework.commandhandling.gateway.*")
                .check(classes);
    }

    @Test
    void theFulfilmentTouchesNoProjectionNorAggregate() {
        noClasses().that().resideInAPackage("dev.cardflow.fulfilment..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.cardflow.order.command..", "dev.cardflow.order.query..", "dev.cardflow.simulator..")
                .check(classes);
    }

    @Test
    void theFulfilmentDecisionsArePure() {
        noClasses().that().resideInAPackage("dev.cardflow.fulfilment.process..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.axonframework..", "java.sql..", "java.net..")
                .check(classes);
    }

    @Test
    void theSimulatorsStandApartFromThePlatform() {
        noClasses().that().resideInAPackage("dev.cardflow.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.cardflow.api..", "dev.cardflow.order..", "dev.cardflow.fulfilment..",
                        "dev.cardflow.infrastructure..", "dev.cardflow.platform..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("dev.cardflow.simulator..")
                .should().dependOnClassesThat().resideInAPackage("dev.cardflow.simulator..")
                .check(classes);
    }

    @Test
    void thePagesKnowNothingOfTheDomain() {
        // they talk to the services over HTTP only, so any service can serve them
        noClasses().that().resideInAPackage("dev.cardflow.web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.cardflow.api..", "dev.cardflow.order..", "dev.cardflow.fulfilment..",
                        "dev.cardflow.infrastructure..", "dev.cardflow.simulator..", "dev.cardflow.platform..",
                        "org.axonframework..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("dev.cardflow.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.cardflow.web..")
                .check(classes);
    }

    @Test
    void thePlatformLauncherHoldsNoBusinessLogic() {
        noClasses().that().resideInAPackage("dev.cardflow.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cardflow.api..", "org.axonframework..")
                .check(classes);
    }
}
