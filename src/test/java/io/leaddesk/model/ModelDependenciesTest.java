package io.leaddesk.model;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain records and the lead JSON reader and writer use nothing of ours (Jackson is fine). */
class ModelDependenciesTest {

    @Test
    void modelUsesNothingOfOurs() {
        noClasses().that().resideInAPackage("io.leaddesk.model..")
                .should().dependOnClassesThat(resideInAPackage("io.leaddesk..").and(not(resideInAPackage("io.leaddesk.model.."))))
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.leaddesk.model"));
    }
}
