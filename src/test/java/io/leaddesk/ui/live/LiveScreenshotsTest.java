package io.leaddesk.ui.live;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.screenshot;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleForm;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadRow;
import io.leaddesk.ui.AppHarness;
import io.leaddesk.ui.leads.LeadRowList;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * {@code screenshots/new-leads.png} ({@code mvn -B verify -Pscreenshots}): a signed-in workspace after a sync brought
 * new leads: they are bold in the table, the tree counts them per form, the title counts them all.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class LiveScreenshotsTest {
    private static final Path OUT = Path.of("screenshots");
    private AppHarness app;
    private SampleGraphServer graph;

    @Start
    void start(Stage stage) throws Exception {
        graph = SampleGraphServer.start(SampleOptions.defaults().withLeads(3000));
        app = new AppHarness(SampleOptions.defaults(), graph.baseUrl());
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        graph.close();
    }

    @Test
    void rendersTheWorkspaceWithNewLeads(FxRobot robot) throws Exception {
        WorkspaceViewModel vm = app.signIn(robot, SampleTokens.USER);
        sync(robot, vm);

        List<SampleForm> active = graph.dataset().allForms().stream().filter(f -> "ACTIVE".equals(f.status())).toList();
        graph.dataset().addLeads(active.get(0).id(), 4);
        graph.dataset().addLeads(active.get(1).id(), 2);
        graph.dataset().addLeads(active.get(2).id(), 1);
        sync(robot, vm);
        waitUntil(10, () -> vm.root().newLeadsProperty().get() == 7);

        @SuppressWarnings("unchecked")
        TableView<LeadRow> table = robot.lookup("#table").queryAs(TableView.class);
        waitUntil(10, () -> table.getItems().size() > 20 && LeadRowList.isLoaded(table.getItems().get(12)));
        // an older lead in the detail pane (opening a new one would clear its mark)
        robot.interact(() -> table.getSelectionModel().select(9));
        waitUntil(10, () -> vm.detail().presentProperty().get());
        robot.interact(() -> { });
        assertThat(onFx(() -> app.window.scene().getWindow() instanceof Stage s ? s.getTitle() : ""))
                .startsWith("LeadDesk (7 new)");
        screenshot(app.window.scene(), OUT.resolve("new-leads.png"));
        assertThat(Files.size(OUT.resolve("new-leads.png"))).isGreaterThan(10_000);
    }

    private void sync(FxRobot robot, WorkspaceViewModel vm) throws Exception {
        int before = onFx(() -> vm.noticeProperty().get() == null ? 0 : vm.noticeProperty().get().seq());
        robot.clickOn("#syncAll");
        waitUntil(60, () -> !vm.syncingProperty().get() && vm.noticeProperty().get() != null
                && vm.noticeProperty().get().seq() > before);
        app.settledTotal(vm);
    }
}
