package io.leaddesk.files;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** io.leaddesk.files is a leaf: every package may use it, it uses nothing of ours. */
class FilesArchitectureTest {
    @Test
    void filesUsesNothingOfOurs() {
        noClasses().that().resideInAPackage("io.leaddesk.files..")
                .should().dependOnClassesThat().resideInAnyPackage("io.leaddesk.model..", "io.leaddesk.graph..",
                        "io.leaddesk.store..", "io.leaddesk.sync..", "io.leaddesk.export..", "io.leaddesk.sample..",
                        "io.leaddesk.cli..", "io.leaddesk.ui..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.leaddesk.files"));
    }
}
