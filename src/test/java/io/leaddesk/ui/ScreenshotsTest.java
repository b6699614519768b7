package io.leaddesk.ui;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.screenshot;
import static io.leaddesk.ui.AppHarness.screenshotWhen;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleOptions;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.StoredForm;
import io.leaddesk.ui.leads.LeadRowList;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the main screens with the sample data into {@code screenshots/*.png}, headless (Monocle):
 * {@code mvn -B verify -Pscreenshots}.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {
    private static final Path OUT = Path.of("screenshots");

    static {
        // Monocle's headless screen is 1280x800 unless told: the window is also rendered at 1360x800 and 1600x1000
        // (read when the toolkit starts; this profile runs only this class in its JVM)
        System.setProperty("headless.geometry", "1920x1200-32");
    }
    private AppHarness app;

    @Start
    void start(Stage stage) throws Exception {
        app = new AppHarness(SampleOptions.defaults().withLatencyMs(700), null);
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void rendersTheMainScreens(FxRobot robot) throws Exception {
        waitUntil(10, () -> app.window.signInViewModel() != null);
        screenshot(app.window.scene(), OUT.resolve("sign-in.png"));

        robot.clickOn("#sample");
        waitUntil(30, () -> app.window.workspaceViewModel() != null
                && !app.window.workspaceViewModel().root().children().isEmpty());
        WorkspaceViewModel vm = app.workspace();
        robot.clickOn("#syncAll");
        @SuppressWarnings("unchecked")
        TableView<LeadRow> syncTable = robot.lookup("#table").queryAs(TableView.class);
        screenshotWhen(30, app.window.scene(), OUT.resolve("sync-in-progress.png"), () -> {
            if (!vm.syncingProperty().get() || vm.progressProperty().get() <= 0.15 || syncTable.getItems().size() <= 30) {
                return false;
            }
            for (int i = 0; i < 25; i++) {
                if (!LeadRowList.isLoaded(syncTable.getItems().get(i))) {
                    return false;
                }
            }
            return true;
        });
        waitUntil(120, () -> !vm.syncingProperty().get() && vm.noticeProperty().get() != null);

        @SuppressWarnings("unchecked")
        TableView<LeadRow> table = robot.lookup("#table").queryAs(TableView.class);
        waitUntil(10, () -> table.getItems().size() > 20 && LeadRowList.isLoaded(table.getItems().get(0)));
        robot.interact(() -> table.getSelectionModel().select(2));
        waitUntil(10, () -> vm.detail().presentProperty().get());
        robot.interact(() -> { });
        screenshot(app.window.scene(), OUT.resolve("workspace.png"));
        // the window at the sizes people use, light and dark: the table gets the room, the side panes keep theirs
        javafx.stage.Window window = app.window.scene().getWindow();
        double[] before = {window.getWidth(), window.getHeight()};
        for (int[] size : new int[][] {{1024, 700}, {1360, 800}, {1600, 1000}}) {
            robot.interact(() -> {
                window.setWidth(size[0]);
                window.setHeight(size[1]);
            });
            robot.interact(() -> { });
            String name = "workspace-" + size[0] + "x" + size[1];
            screenshot(app.window.scene(), OUT.resolve(name + ".png"));
            robot.interact(() -> MainWindow.applyTheme(io.leaddesk.store.AppSettings.defaults().withTheme("dark")));
            robot.interact(() -> { });
            screenshot(app.window.scene(), OUT.resolve(name + "-dark.png"));
            robot.interact(() -> MainWindow.applyTheme(io.leaddesk.store.AppSettings.defaults()));
        }
        robot.interact(() -> {
            window.setWidth(before[0]);
            window.setHeight(before[1]);
        });
        robot.interact(() -> { });

        StoredForm form = app.formWithDisclaimer();
        onFx(() -> {
            vm.selectedProperty().set(vm.form(form.id()));
            return null;
        });
        waitUntil(10, () -> vm.leads().scopeProperty().get().formIds().contains(form.id())
                && table.getItems().size() > 0 && LeadRowList.isLoaded(table.getItems().get(0)));
        robot.interact(() -> table.getSelectionModel().select(0));
        try {
            waitUntil(10, () -> vm.detail().presentProperty().get() && !vm.detail().checkboxes().isEmpty());
        } catch (AssertionError e) {
            throw new AssertionError(onFx(() -> "table sel=" + table.getSelectionModel().getSelectedIndex() + " vm sel="
                    + vm.leads().selectedIndexProperty().get() + " lead=" + vm.leads().selectedLeadIdProperty().get()
                    + " detail=" + vm.detail().leadIdProperty().get() + " boxes=" + vm.detail().checkboxes().size()
                    + " msg=" + vm.detail().messageProperty().get()));
        }
        ScrollPane detail = robot.lookup(".lead-detail .scroll-pane").queryAs(ScrollPane.class);
        robot.interact(() -> detail.setVvalue(0.55));
        robot.interact(() -> { });
        screenshot(app.window.scene(), OUT.resolve("lead-detail.png"));

        robot.interact(() -> MainWindow.applyTheme(io.leaddesk.store.AppSettings.defaults().withTheme("dark")));
        robot.interact(() -> { });
        screenshot(app.window.scene(), OUT.resolve("lead-detail-dark.png"));
        robot.interact(() -> MainWindow.applyTheme(io.leaddesk.store.AppSettings.defaults()));

        // the Export dialog, opened from the toolbar with the form selected in the tree, showing its preview
        robot.clickOn("#export");
        waitUntil(10, () -> app.window.exportViewModel() != null);
        waitUntil(30, () -> app.window.exportViewModel().preview().rows().size() == io.leaddesk.ui.export.ExportPreviewViewModel.ROWS
                && !app.window.exportViewModel().preview().loadingProperty().get());
        robot.interact(() -> { });
        screenshot(app.window.exportStage().getScene(), OUT.resolve("export.png"));

        // export it; the dialog says what it wrote, the lead detail lists the export
        Path exportDir = Files.createTempDirectory("leaddesk-screenshot-export");
        Path csv = exportDir.resolve("leads-sao-paulo.csv");
        robot.interact(() -> app.window.exportViewModel().run().targetProperty().set(csv.toString()));
        robot.clickOn("#exportButton");
        waitUntil(30, () -> !app.window.exportViewModel().run().runningProperty().get()
                && !app.window.exportViewModel().run().messageProperty().get().isEmpty());
        robot.interact(() -> { });
        screenshot(app.window.exportStage().getScene(), OUT.resolve("export-done.png"));
        assertThat(csv).exists();
        robot.clickOn("#closeButton");
        waitUntil(10, () -> app.window.exportViewModel() == null && !vm.detail().exports().isEmpty());
        robot.interact(() -> detail.setVvalue(1.0));
        robot.interact(() -> { });
        screenshot(app.window.scene(), OUT.resolve("lead-detail-exports.png"));
        Files.delete(csv);
        Files.delete(exportDir);

        for (String f : new String[] {"sign-in.png", "sync-in-progress.png", "workspace.png", "lead-detail.png", "lead-detail-dark.png",
                "export.png", "export-done.png", "lead-detail-exports.png", "workspace-1024x700.png", "workspace-1024x700-dark.png",
                "workspace-1360x800.png", "workspace-1360x800-dark.png", "workspace-1600x1000.png", "workspace-1600x1000-dark.png"}) {
            assertThat(Files.size(OUT.resolve(f))).isGreaterThan(10_000);
        }
    }
}
