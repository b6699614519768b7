package io.leaddesk.ui.imports;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.screenshot;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleOptions;
import io.leaddesk.ui.AppHarness;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the import dialog's preview into {@code screenshots/import-preview.png}, then its summary into
 * {@code import-done.png} (with the other screenshots:
 * {@code mvn -B verify -Pscreenshots}): a Leads Center CSV, an export_csv TSV and a file that names no form, whose form
 * is being chosen.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class ImportScreenshotTest {
    private static final Path OUT = Path.of("screenshots");
    private AppHarness app;
    @TempDir Path dir;

    @Start
    void start(Stage stage) throws Exception {
        app = new AppHarness(SampleOptions.defaults().withLeads(60), null);
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void rendersTheImportPreview(FxRobot robot) throws Exception {
        WorkspaceViewModel vm = app.openSampleWorkspace(robot);
        robot.clickOn("#syncAll");
        waitUntil(60, () -> !vm.syncingProperty().get() && vm.noticeProperty().get() != null);
        Path csv = ImportTestFiles.fixture(ImportTestFiles.CSV, dir);
        Path tsv = ImportTestFiles.fixture(ImportTestFiles.TSV, dir);
        Path noForm = ImportTestFiles.withoutFormId(dir.resolve("leads-2024-autumn.csv"), 37);

        robot.interact(() -> app.window.openImport(vm, vm.workspace(), List.of(csv, tsv, noForm)));
        waitUntil(10, () -> app.window.importWindow() != null);
        ImportWindow dialog = onFx(() -> app.window.importWindow());
        ImportViewModel ivm = dialog.viewModel();
        waitUntil(20, () -> ivm.canImportProperty().get() && ivm.files().size() == 3
                && ivm.files().get(2).stateProperty().get() == ImportFileViewModel.State.NEEDS_FORM);
        ImportFileViewModel third = ivm.files().get(2);
        robot.interact(() -> third.chosenFormProperty().set(third.formOptions().get(third.formOptions().size() - 1)));
        robot.interact(() -> third.newFormIdProperty().set("1187640021553302"));
        robot.interact(() -> dialog.stage().setHeight(Math.min(800,
                javafx.stage.Screen.getPrimary().getVisualBounds().getHeight())));
        robot.interact(() -> { });
        screenshot(dialog.stage().getScene(), OUT.resolve("import-preview.png"));
        assertThat(Files.size(OUT.resolve("import-preview.png"))).isGreaterThan(10_000);

        // the new form is used, the three files imported: what each brought, and the summary
        robot.interact(third::useNewForm);
        waitUntil(20, () -> third.stateProperty().get() == ImportFileViewModel.State.READY && ivm.canImportProperty().get());
        robot.clickOn("#importButton");
        waitUntil(30, () -> ivm.stepProperty().get() == ImportViewModel.Step.DONE);
        robot.interact(() -> { });
        screenshot(dialog.stage().getScene(), OUT.resolve("import-done.png"));
        assertThat(onFx(() -> ivm.summaryProperty().get()))
                .isEqualTo("Imported 3 files: 45 new, 0 already cached, 2 rows skipped.");
    }
}
