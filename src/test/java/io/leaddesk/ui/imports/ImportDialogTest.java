package io.leaddesk.ui.imports;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleOptions;
import io.leaddesk.store.LeadRow;
import io.leaddesk.ui.AppHarness;
import io.leaddesk.ui.leads.LeadRowList;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Import Meta download…" in the real app, headless: the dialog opens on the files (as the file chooser or a drop hands
 * them over: neither the native chooser nor an OS drag can be driven here), previews them, imports on a click, and the
 * workspace's table, tree and lead detail show the imported leads.
 */
@ExtendWith(ApplicationExtension.class)
class ImportDialogTest {
    private AppHarness app;
    @TempDir Path dir;

    @Start
    void start(Stage stage) throws Exception {
        app = new AppHarness(SampleOptions.defaults().withLeads(20), null);
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void importAFixtureThroughTheDialogAndTheTableShowsItsLeads(FxRobot robot) throws Exception {
        WorkspaceViewModel vm = app.openSampleWorkspace(robot);
        long before = app.settledTotal(vm);
        Button toolbar = robot.lookup("#importDownload").queryButton();
        assertThat(onFx(() -> !toolbar.isDisabled() && toolbar.getTooltip().getText().contains("Ctrl+I"))).isTrue();
        Path csv = ImportTestFiles.fixture(ImportTestFiles.CSV, dir);

        robot.interact(() -> app.window.openImport(vm, vm.workspace(), List.of(csv)));
        waitUntil(10, () -> app.window.importWindow() != null);
        ImportWindow dialog = onFx(() -> app.window.importWindow());
        ImportViewModel ivm = dialog.viewModel();
        waitUntil(20, () -> ivm.canImportProperty().get());
        Set<String> shown = onFx(() -> texts(dialog.view().root()));
        assertThat(shown).contains("leads-2025-03.csv", "5 new, 0 already cached, 1 row skipped",
                "Line 7: created_time \"yesterday\" is not a date and time with an offset",
                "Columns not recognised, not imported (2): lead_status, inbox_url");
        assertThat(onFx(() -> vm.workspace().cache().countLeads(io.leaddesk.store.LeadQuery.all())))
                .as("nothing is written before Import").isEqualTo(before);

        robot.clickOn("#importButton");
        waitUntil(30, () -> ivm.stepProperty().get() == ImportViewModel.Step.DONE);
        Label summary = robot.from(dialog.view().root()).lookup(".import-summary").queryAs(Label.class);
        assertThat(onFx(summary::getText)).isEqualTo("Imported leads-2025-03.csv: 5 new, 0 already cached, 1 row skipped.");
        robot.clickOn("#closeButton");
        waitUntil(10, () -> app.window.importWindow() == null);

        // the workspace refreshed: the table counts the new leads, the tree has the form the file brought
        waitUntil(20, () -> vm.leads().totalCountProperty().get() == before + 5 && vm.form("900000000000101") != null);
        robot.interact(() -> vm.leads().searchProperty().set("Прикладенко"));
        @SuppressWarnings("unchecked")
        TableView<LeadRow> table = robot.lookup("#table").queryAs(TableView.class);
        waitUntil(20, () -> table.getItems().size() == 1 && LeadRowList.isLoaded(table.getItems().get(0)));
        assertThat(onFx(() -> table.getItems().get(0).name())).isEqualTo("Іван \"Ваня\" Прикладенко");
        robot.interact(() -> table.getSelectionModel().select(0));
        waitUntil(10, () -> vm.detail().presentProperty().get());
        Label imported = robot.lookup("#imported").queryAs(Label.class);
        waitUntil(10, () -> imported.isVisible() && imported.getText().startsWith("Imported from leads-2025-03.csv on "));
    }

    @Test
    void aFileNamingNoFormIsImportedIntoTheFormChosenInTheDialog(FxRobot robot) throws Exception {
        WorkspaceViewModel vm = app.openSampleWorkspace(robot);
        app.settledTotal(vm);
        // the tree shows the Pages before the forms refresh that opening the workspace starts has stored the forms
        waitUntil(20, () -> !vm.workspace().cache().forms(List.of()).isEmpty());
        io.leaddesk.store.StoredForm target = onFx(() -> vm.workspace().cache().forms(List.of())).get(0);
        Path file = ImportTestFiles.withoutFormId(dir.resolve("no-form.csv"), 3);

        robot.interact(() -> app.window.openImport(vm, vm.workspace(), List.of(file)));
        waitUntil(10, () -> app.window.importWindow() != null);
        ImportWindow dialog = onFx(() -> app.window.importWindow());
        ImportFileViewModel f = dialog.viewModel().files().get(0);
        waitUntil(20, () -> f.stateProperty().get() == ImportFileViewModel.State.NEEDS_FORM);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<FormOption> choice = robot.from(dialog.view().root()).lookup(".import-form-choice")
                .queryAs(javafx.scene.control.ComboBox.class);
        FormOption option = onFx(() -> choice.getItems().stream().filter(o -> target.id().equals(o.formId()))
                .findFirst().orElseThrow());
        assertThat(onFx(() -> dialog.viewModel().canImportProperty().get())).isFalse();

        robot.interact(() -> choice.setValue(option));
        waitUntil(20, () -> f.stateProperty().get() == ImportFileViewModel.State.READY
                && dialog.viewModel().canImportProperty().get());
        assertThat(onFx(choice::getValue)).as("the choice stays shown once the file is read again").isEqualTo(option);
        robot.clickOn("#importButton");
        waitUntil(30, () -> dialog.viewModel().stepProperty().get() == ImportViewModel.Step.DONE);
        assertThat(onFx(() -> dialog.viewModel().summaryProperty().get()))
                .isEqualTo("Imported no-form.csv: 3 new, 0 already cached.");
        waitUntil(20, () -> vm.form(target.id()) != null && vm.form(target.id()).cachedLeads() == target.cachedLeads() + 3);
    }

    private static Set<String> texts(Node root) {
        return root.lookupAll(".label").stream().filter(Node::isVisible).map(n -> ((Label) n).getText())
                .filter(t -> t != null && !t.isBlank()).collect(Collectors.toSet());
    }
}
