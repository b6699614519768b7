package io.leaddesk.ui.i18n;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.i18n.Language;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.store.DataFolder;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.StoredForm;
import io.leaddesk.ui.AppHarness;
import io.leaddesk.ui.leads.LeadRowList;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The end-to-end flow in the pseudo-locale (every text accented and 40 % longer) at 1024×700: sign-in, the sample
 * workspace after a sync, a lead with a custom disclaimer, Settings and the Export dialog. Fails on any text cut off in
 * a button, label or column header, and on any word shown without pseudo-localisation that is not lead data (a string
 * that bypasses the bundles).
 */
@ExtendWith(ApplicationExtension.class)
class PseudoLocaleTest {
    private AppHarness app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        app = new AppHarness(SampleOptions.defaults().withLeads(300), null, Language.PSEUDO);
        app.start(stage);
        stage.setWidth(1024);
        stage.setHeight(700);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    private List<String> check(String where, Scene scene, Set<String> data) throws Exception {
        return onFx(() -> new TextCheck(data).scene(where, scene).problems);
    }

    @Test
    void everyTextIsTranslatedAndFitsAt1024x700(FxRobot robot) throws Exception {
        waitUntil(10, () -> app.window.signInViewModel() != null);
        robot.interact(() -> { });
        List<String> problems = new java.util.ArrayList<>(check("sign-in", app.window.scene(), Set.of()));

        WorkspaceViewModel vm = app.openSampleWorkspace(robot);
        robot.clickOn("#syncAll");
        waitUntil(60, () -> vm.noticeProperty().get() != null && !vm.syncingProperty().get());
        app.settledTotal(vm);
        Set<String> data = new HashSet<>(TextCheck.wordsOf(DataFolder.databaseFile(app.dataFolder.resolve("demo"))));
        vm.workspace().who().ifPresent(who -> data.addAll(TextCheck.words(who.name())));
        StoredForm form = app.formWithDisclaimer();
        onFx(() -> {
            vm.selectedProperty().set(vm.form(form.id()));
            return null;
        });
        @SuppressWarnings("unchecked")
        TableView<LeadRow> table = robot.lookup("#table").queryAs(TableView.class);
        waitUntil(10, () -> vm.leads().scopeProperty().get().formIds().contains(form.id())
                && !table.getItems().isEmpty() && LeadRowList.isLoaded(table.getItems().get(0)));
        // (re)select the first lead until the detail shows it: a refresh landing late replaces the rows and the selection
        waitUntil(30, () -> {
            if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                table.getSelectionModel().select(0);
            }
            return vm.detail().presentProperty().get() && !vm.detail().checkboxes().isEmpty();
        });
        robot.interact(() -> { });
        problems.addAll(check("workspace", app.window.scene(), data));

        // 40 % longer texts: Settings is in the toolbar's "⋯" menu at 1024 px
        robot.interact(() -> app.window.openSettings());
        waitUntil(10, () -> app.window.settingsDialog() != null && app.window.settingsDialog().isShowing());
        robot.interact(() -> { });
        problems.addAll(check("settings", app.window.settingsDialog().getDialogPane().getScene(), data));
        robot.interact(() -> app.window.settingsDialog().close());

        robot.clickOn("#export");
        waitUntil(10, () -> app.window.exportViewModel() != null);
        waitUntil(30, () -> !app.window.exportViewModel().preview().rows().isEmpty()
                && !app.window.exportViewModel().preview().loadingProperty().get());
        robot.interact(() -> { });
        problems.addAll(check("export", app.window.exportStage().getScene(), data));

        assertThat(problems).as("text cut off or not from the bundles, at " + stage.getWidth() + "×" + stage.getHeight()).isEmpty();
    }
}
