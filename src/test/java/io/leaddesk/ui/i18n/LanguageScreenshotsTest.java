package io.leaddesk.ui.i18n;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.screenshot;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleOptions;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.StoredForm;
import io.leaddesk.ui.AppHarness;
import io.leaddesk.ui.leads.LeadRowList;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The workspace and the lead detail in Ukrainian and in Brazilian Portuguese ({@code screenshots/workspace-uk.png},
 * {@code lead-detail-pt-BR.png}, ...), from the sample data, headless: {@code mvn -B verify -Pscreenshots}. The app
 * is started on a computer in that language (System default).
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class LanguageScreenshotsTest {
    private static final Path OUT = Path.of("screenshots");
    private Stage stage;
    private AppHarness app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"uk", "pt-BR"})
    void rendersTheWorkspaceAndTheLeadDetail(String tag, FxRobot robot) throws Exception {
        app = new AppHarness(SampleOptions.defaults(), null, Locale.forLanguageTag(tag));
        robot.interact(() -> app.start(stage));
        WorkspaceViewModel vm = app.openSampleWorkspace(robot);
        robot.clickOn("#syncAll");
        waitUntil(120, () -> !vm.syncingProperty().get() && vm.noticeProperty().get() != null);
        app.settledTotal(vm);
        @SuppressWarnings("unchecked")
        TableView<LeadRow> table = robot.lookup("#table").queryAs(TableView.class);
        waitUntil(10, () -> table.getItems().size() > 20 && LeadRowList.isLoaded(table.getItems().get(0)));
        robot.interact(() -> table.getSelectionModel().select(2));
        waitUntil(10, () -> vm.detail().presentProperty().get());
        robot.interact(() -> { });
        screenshot(app.window.scene(), OUT.resolve("workspace-" + tag + ".png"));

        StoredForm form = app.formWithDisclaimer();
        onFx(() -> {
            vm.selectedProperty().set(vm.form(form.id()));
            return null;
        });
        waitUntil(10, () -> vm.leads().scopeProperty().get().formIds().contains(form.id())
                && !table.getItems().isEmpty() && LeadRowList.isLoaded(table.getItems().get(0)));
        robot.interact(() -> table.getSelectionModel().select(0));
        waitUntil(10, () -> vm.detail().presentProperty().get() && !vm.detail().checkboxes().isEmpty());
        ScrollPane detail = robot.lookup(".lead-detail .scroll-pane").queryAs(ScrollPane.class);
        robot.interact(() -> detail.setVvalue(0.55));
        robot.interact(() -> { });
        screenshot(app.window.scene(), OUT.resolve("lead-detail-" + tag + ".png"));

        assertThat(Files.size(OUT.resolve("workspace-" + tag + ".png"))).isGreaterThan(10_000);
        assertThat(Files.size(OUT.resolve("lead-detail-" + tag + ".png"))).isGreaterThan(10_000);
    }
}
