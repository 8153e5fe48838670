package org.homeward.matching;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class MatchingArchitectureTests {

    private final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.homeward.matching");

    @Test
    void intakeKnowsNothingOfProposals() {
        // Proposals react to ProfileChanged; the dependency runs one way only.
        noClasses()
                .that()
                .resideInAPackage("org.homeward.matching.intake..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.homeward.matching.proposals..")
                .check(classes);
    }

    @Test
    void batchCommandsNeedNoSpring() {
        noClasses()
                .that()
                .resideInAPackage("org.homeward.matching.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "org.homeward.matching.intake..", "org.homeward.matching.proposals..")
                .check(classes);
    }
}
