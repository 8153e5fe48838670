package org.homeward.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

class RegistryArchitectureTests {

    private static final JavaClasses REGISTRY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.homeward.registry");

    @Test
    void packagesByFeatureNotByLayer() {
        noClasses()
                .should()
                .resideInAnyPackage(
                        "..controller..",
                        "..controllers..",
                        "..service..",
                        "..services..",
                        "..model..",
                        "..dto..",
                        "..repository..",
                        "..repositories..",
                        "..util..",
                        "..utils..")
                .check(REGISTRY);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("org.homeward.registry.(*)..")
                .should()
                .beFreeOfCycles()
                .check(REGISTRY);
    }

    @Test
    void keepsControllersAndRepositoriesInsideTheirFeature() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAssignableTo(Repository.class)
                .should()
                .notBePublic()
                .check(REGISTRY);
    }

    @Test
    void decidesAccessInTheServiceNotFromTheSecurityContext() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.security.core.context.SecurityContextHolder")
                .check(REGISTRY);
    }

    @Test
    void keepsValueObjectsFreeOfFrameworks() {
        noClasses()
                .that()
                .resideInAPackage("org.homeward.registry.person..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.bson..")
                .check(REGISTRY);
    }
}
