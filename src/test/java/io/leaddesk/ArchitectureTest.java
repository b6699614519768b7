package io.leaddesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the arrows of docs/architecture.md honest. Every rule matches classes by package or by full name, so nested
 * and anonymous classes ({@code ExportViewModel$FormChoice}, lambdas' holders) are covered like top-level ones.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leaddesk");

    /** A ViewModel and everything nested in it: {@code FooViewModel}, {@code FooViewModel$Bar}, {@code FooViewModel$1}. */
    private static final String VIEW_MODEL = ".*ViewModel(\\$.*)?";

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.leaddesk.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void modelUsesNothingOfOurs() {
        noClasses().that().resideInAPackage("io.leaddesk.model..")
                .should().dependOnClassesThat(ours().and(not(resideInAPackage("io.leaddesk.model..")))
                        .as("classes of ours outside model"))
                .check(CLASSES);
    }

    @Test
    void graphUsesOnlyTheModel() {
        noClasses().that().resideInAPackage("io.leaddesk.graph..")
                .should().dependOnClassesThat(ours().and(not(resideInAnyPackage("io.leaddesk.graph..", "io.leaddesk.model..")))
                        .as("classes of ours outside graph and model"))
                .check(CLASSES);
    }

    @Test
    void uiAndCliNeverUseEachOther() {
        noClasses().that().resideInAPackage("io.leaddesk.ui..")
                .should().dependOnClassesThat().resideInAPackage("io.leaddesk.cli..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.leaddesk.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.leaddesk.ui..")
                .check(CLASSES);
    }

    @Test
    void servicesDoNotDependOnJavaFxOrTheUiOrCli() {
        // everything below the two faces (the launcher in io.leaddesk itself only picks one of them)
        noClasses().that().resideInAPackage("io.leaddesk..")
                .and().resideOutsideOfPackages("io.leaddesk", "io.leaddesk.ui..", "io.leaddesk.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.leaddesk.ui..", "io.leaddesk.cli..",
                        "org.controlsfx..", "atlantafx..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.leaddesk.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(CLASSES);
    }

    private static DescribedPredicate<JavaClass> ours() {
        return resideInAPackage("io.leaddesk..");
    }

    @Test
    void viewModelsDoNotDependOnTheSceneGraph() {
        classes().that().haveNameMatching(VIEW_MODEL)
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.stage..", "javafx.fxml..",
                        "org.controlsfx..")
                .check(CLASSES);
    }

    @Test
    void viewModelsAndTheirHelpersDoNotUsePlatformDirectly() {
        noClasses().that().haveNameMatching(VIEW_MODEL)
                .should().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform")
                .check(CLASSES);
    }
}
