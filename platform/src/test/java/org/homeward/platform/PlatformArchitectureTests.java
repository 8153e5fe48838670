package org.homeward.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class PlatformArchitectureTests {

    /** Platform holds mechanisms; a domain type here would couple every service to one service's model. */
    @Test
    void holdsNoDomainTypesNotEvenInTestFixtures() {
        noClasses()
                .that()
                .resideInAPackage("org.homeward.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.homeward.registry..",
                        "..matching..",
                        "..notification..",
                        "org.homeward.contracts..",
                        "org.homeward.gateway..")
                .check(new ClassFileImporter().importPackages("org.homeward.platform"));
    }

    /** Each mechanism can be understood, and left out, on its own. Tests may use several. */
    @Test
    void keepsMechanismsFreeOfCycles() {
        slices().matching("org.homeward.platform.(*)..")
                .should()
                .beFreeOfCycles()
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.homeward.platform"));
    }
}
