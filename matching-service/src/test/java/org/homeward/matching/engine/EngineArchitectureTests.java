package org.homeward.matching.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class EngineArchitectureTests {

    @Test
    void engineDependsOnlyOnTheJdkAndItsTextLibraries() {
        var engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.homeward.matching.engine");
        classes()
                .that()
                .resideInAPackage("org.homeward.matching.engine..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.homeward.matching.engine..",
                        "java..",
                        "com.ibm.icu..",
                        "org.apache.commons.text..",
                        "org.apache.commons.codec..",
                        "org.jspecify..")
                .check(engine);
    }
}
