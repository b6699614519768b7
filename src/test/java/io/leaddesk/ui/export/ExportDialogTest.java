package io.leaddesk.ui.export;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleOptions;
import io.leaddesk.store.LeadRow;
import io.leaddesk.ui.AppHarness;
import io.leaddesk.ui.leads.LeadRowList;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Export dialog in the real app, headless: sample workspace, sync, open from the toolbar, preview, export a file. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogTest {
    private AppHarness app;
    @TempDir Path out;

    @Start
    void start(Stage stage) throws Exception {
        app = new AppHarness(SampleOptions.defaults().withLeads(400), null);
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void exportFromTheToolbarPreviewsRowsWritesTheFileAndTheLeadDetailShowsIt(FxRobot robot) throws Exception {
        WorkspaceViewModel vm = app.openSampleWorkspace(robot);
        robot.clickOn("#syncAll");
        waitUntil(60, () -> !vm.syncingProperty().get() && vm.noticeProperty().get() != null
                && vm.leads().matchCountProperty().get() > 0);
        @SuppressWarnings("unchecked")
        TableView<LeadRow> leads = robot.lookup("#table").queryAs(TableView.class);
        waitUntil(10, () -> !leads.getItems().isEmpty() && LeadRowList.isLoaded(leads.getItems().get(0)));
        robot.interact(() -> leads.getSelectionModel().select(0));
        waitUntil(10, () -> vm.detail().presentProperty().get());
        assertThat(onFx(() -> vm.detail().exports().isEmpty())).isTrue();

        robot.clickOn("#export");
        waitUntil(10, () -> app.window.exportViewModel() != null);
        ExportViewModel export = onFx(() -> app.window.exportViewModel());
        TableView<List<String>> preview = onFx(() -> app.window.exportView().previewTable());
        waitUntil(20, () -> !preview.getItems().isEmpty());
        List<String> headers = onFx(() -> preview.getColumns().stream().map(TableColumn::getText).toList());
        assertThat(headers).startsWith("id", "created_time", "ad_id");
        assertThat(onFx(() -> preview.getItems().size())).isEqualTo(ExportPreviewViewModel.ROWS);
        assertThat(onFx(() -> robot.from(app.window.exportView().root()).lookup("#previewText").queryAs(Label.class).getText())).contains("leads match");

        // each form's count is a label of its own beside the name (bidi-safe for Arabic names, no marks drawn)
        waitUntil(10, () -> robot.from(app.window.exportView().root()).lookup(".form-count").tryQuery().isPresent());
        assertThat(onFx(() -> robot.from(app.window.exportView().root()).lookup(".form-count").queryAs(Label.class).getText()))
                .matches("\\([0-9,]+\\)");
        assertThat(onFx(() -> robot.from(app.window.exportView().root()).lookup(".form-name").queryAs(Label.class).getText()))
                .doesNotContain("\u2068");

        Path file = out.resolve("sample-leads.csv");
        TextField target = robot.lookup("#target").queryAs(TextField.class);
        robot.interact(() -> target.setText(file.toString()));
        robot.clickOn("#exportButton");
        waitUntil(30, () -> !export.run().runningProperty().get() && !export.run().messageProperty().get().isEmpty());
        // Look inside the dialog: other windows have a #message label of their own.
        assertThat(onFx(() -> robot.from(app.window.exportView().root()).lookup("#message").queryAs(Label.class).getText()))
                .startsWith("Wrote ").endsWith(file + ".");
        assertThat(Files.exists(file)).isTrue();
        String header = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
        assertThat(header).startsWith("\uFEFFid,created_time,ad_id,ad_name,");
        waitUntil(10, () -> !vm.detail().exports().isEmpty());
        assertThat(onFx(() -> vm.detail().exports().get(0).file())).isEqualTo(file.toString());

        robot.clickOn("#closeButton");
        waitUntil(10, () -> app.window.exportViewModel() == null);
    }

    @Test
    void escapeClosesTheDialogAsSoonAsItOpens(FxRobot robot) throws Exception {
        WorkspaceViewModel vm = app.openSampleWorkspace(robot);
        robot.clickOn("#syncAll");
        waitUntil(60, () -> !vm.syncingProperty().get() && vm.leads().matchCountProperty().get() > 0);
        waitUntil(10, () -> vm.canExportProperty().get());
        robot.clickOn("#export");
        waitUntil(10, () -> app.window.exportStage() != null && app.window.exportStage().isShowing());
        // headless windows do not take the focus: the key goes where the dialog's keyboard input goes
        robot.interact(() -> {
            javafx.scene.Scene sc = app.window.exportStage().getScene();
            javafx.event.EventTarget to = sc.getFocusOwner() != null ? sc.getFocusOwner() : sc;
            javafx.event.Event.fireEvent(to, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.ESCAPE, false, false, false, false));
        });
        waitUntil(10, () -> app.window.exportViewModel() == null);
    }
}
