package io.leaddesk.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the arrows of architecture.md honest: ViewModels never touch the scene graph; services know nothing of JavaFX or the UI. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leaddesk");

    @Test
    void viewModelsDoNotDependOnTheSceneGraph() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.stage..", "javafx.fxml..",
                        "org.controlsfx..")
                .check(CLASSES);
    }

    @Test
    void servicesDoNotDependOnJavaFxOrTheUiOrCli() {
        noClasses().that().resideInAnyPackage("io.leaddesk.graph..", "io.leaddesk.store..", "io.leaddesk.sync..",
                        "io.leaddesk.export..", "io.leaddesk.sample..", "io.leaddesk.diagnostics..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.leaddesk.ui..", "io.leaddesk.cli..",
                        "org.controlsfx..", "atlantafx..")
                .check(CLASSES);
    }

    @Test
    void viewModelsAndTheirHelpersDoNotUsePlatformDirectly() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform")
                .check(CLASSES);
    }
}
