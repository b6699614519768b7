package io.leaddesk.ui.live;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleForm;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadRow;
import io.leaddesk.ui.AppHarness;
import io.leaddesk.ui.leads.LeadRowList;
import io.leaddesk.ui.workspace.TreeEntry;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real app headless: signed in to the sample Graph API over loopback, a first sync (its backlog is not new), then
 * leads arrive on the server and a sync brings them: they are bold, the tree counts them, "New only" shows them,
 * opening one clears its mark, "Mark all as seen" clears a form.
 */
@ExtendWith(ApplicationExtension.class)
class NewLeadsUiTest {
    private static final PseudoClass NEW_LEAD = PseudoClass.getPseudoClass("new-lead");
    private AppHarness app;
    private SampleGraphServer graph;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        graph = SampleGraphServer.start(SampleOptions.defaults().withLeads(300));
        app = new AppHarness(SampleOptions.defaults(), graph.baseUrl());
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        graph.close();
    }

    private WorkspaceViewModel signInAndSync(FxRobot robot) throws Exception {
        WorkspaceViewModel vm = app.signIn(robot, SampleTokens.USER);
        sync(robot, vm);
        assertThat(onFx(() -> vm.root().newLeadsProperty().get())).as("a first sync's backlog is not new").isZero();
        return vm;
    }

    private void sync(FxRobot robot, WorkspaceViewModel vm) throws Exception {
        int before = onFx(() -> vm.noticeProperty().get() == null ? 0 : vm.noticeProperty().get().seq());
        robot.clickOn("#syncAll");
        waitUntil(60, () -> !vm.syncingProperty().get() && vm.noticeProperty().get() != null
                && vm.noticeProperty().get().seq() > before);
        app.settledTotal(vm);
    }

    private List<SampleForm> activeForms() {
        return graph.dataset().allForms().stream().filter(f -> "ACTIVE".equals(f.status())).limit(2).toList();
    }

    @SuppressWarnings("unchecked")
    private TableView<LeadRow> table(FxRobot robot) {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    /** The table's visible row showing the lead at {@code index}. */
    private static Optional<TableRow<?>> row(FxRobot robot, int index) {
        return robot.lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == index && r.getItem() != null)
                .<TableRow<?>>map(n -> (TableRow<?>) n).findFirst();
    }

    private static boolean bold(TableRow<?> row) {
        Node cell = row.lookup(".table-cell");
        return row.getPseudoClassStates().contains(NEW_LEAD)
                && cell instanceof TableCell<?, ?> c && c.getFont().getStyle().toLowerCase().contains("bold");
    }

    /** The tree's badge of {@code entry}, "" when it shows none. */
    private static String badge(FxRobot robot, TreeEntry entry) {
        // the entry's cell exists only while it is in view: bring it there (the next poll sees it laid out)
        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeView<TreeEntry> tree = robot.lookup("#tree").queryAs(javafx.scene.control.TreeView.class);
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            if (tree.getTreeItem(i) != null && tree.getTreeItem(i).getValue() == entry) {
                tree.scrollTo(i);
                break;
            }
        }
        for (Node n : robot.lookup(".tree-cell").queryAll()) {
            if (n instanceof TreeCell<?> cell && cell.getItem() == entry) {
                Node b = cell.lookup(".new-badge");
                return b instanceof Label l && l.isVisible() ? l.getText() : "";
            }
        }
        return "(not shown)";
    }

    @Test
    void newLeadsAreBoldCountedInTheTreeShownByNewOnlyAndClearedByOpeningOrMarkingSeen(FxRobot robot) throws Exception {
        WorkspaceViewModel vm = signInAndSync(robot);
        SampleForm a = activeForms().get(0);
        SampleForm b = activeForms().get(1);
        graph.dataset().addLeads(a.id(), 3);
        graph.dataset().addLeads(b.id(), 2);
        sync(robot, vm);
        TreeEntry formA = onFx(() -> vm.form(a.id()));
        TreeEntry formB = onFx(() -> vm.form(b.id()));
        waitUntil(10, () -> vm.root().newLeadsProperty().get() == 5);

        // the tree's badges, the title, one notification
        waitUntil(10, () -> badge(robot, formB).equals("2 new"));
        waitUntil(10, () -> badge(robot, vm.root()).equals("5 new"));
        waitUntil(10, () -> badge(robot, formA).equals("3 new"));
        assertThat(onFx(stage::getTitle)).startsWith("LeadDesk (5 new) — ");
        assertThat(app.notifications).hasSize(1);
        assertThat(app.notifications.get(0).title()).isEqualTo("5 new leads");

        // "New only": the five, all bold
        robot.clickOn("#newOnly");
        TableView<LeadRow> table = table(robot);
        waitUntil(10, () -> vm.leads().matchCountProperty().get() == 5 && table.getItems().size() == 5
                && LeadRowList.isLoaded(table.getItems().get(0)));
        robot.interact(() -> { });
        for (int i = 0; i < 5; i++) {
            int index = i;
            assertThat(onFx(() -> row(robot, index).map(NewLeadsUiTest::bold).orElse(false))).as("row %d bold", i).isTrue();
        }
        assertThat(onFx(() -> robot.lookup("#newOnly").queryAs(ToggleButton.class).isSelected())).isTrue();

        // opening a lead in the detail pane clears its mark
        String opened = onFx(() -> table.getItems().get(0).id());
        String openedForm = onFx(() -> table.getItems().get(0).formId());
        robot.clickOn(onFx(() -> row(robot, 0).orElseThrow()));
        waitUntil(10, () -> opened.equals(vm.detail().leadIdProperty().get()) && vm.root().newLeadsProperty().get() == 4);
        waitUntil(10, () -> row(robot, 0).map(r -> !bold(r)).orElse(false));
        assertThat(onFx(() -> row(robot, 1).map(NewLeadsUiTest::bold).orElse(false))).as("the others stay bold").isTrue();
        assertThat(onFx(stage::getTitle)).startsWith("LeadDesk (4 new) — ");
        TreeEntry openedEntry = onFx(() -> vm.form(openedForm));
        String expected = (openedEntry == formA ? 2 : 1) + " new";
        waitUntil(10, () -> badge(robot, openedEntry).equals(expected));
        assertThat(app.workspace().workspace().cache().newCountsByForm().values().stream().mapToLong(Long::longValue).sum())
                .as("stored").isEqualTo(4);

        // "Mark all as seen" on form A in the tree's context menu
        robot.interact(() -> vm.selectedProperty().set(formA));
        Node cellA = onFx(() -> robot.lookup(".tree-cell").queryAll().stream()
                .filter(n -> ((TreeCell<?>) n).getItem() == formA).findFirst().orElseThrow());
        // the headless robot's right-click does not raise the context-menu request: open the tree's menu on the cell
        robot.interact(() -> app.window.workspaceView().treeMenu().show(cellA, javafx.geometry.Side.BOTTOM, 10, -10));
        waitUntil(10, () -> app.window.workspaceView().treeMenu().isShowing());
        javafx.scene.control.MenuItem markSeen = onFx(() -> app.window.workspaceView().treeMenu().getItems().stream()
                .filter(i -> "menuMarkSeen".equals(i.getId())).findFirst().orElseThrow());
        assertThat(onFx(markSeen::isDisable)).as("offered for a form with new leads").isFalse();
        robot.interact(markSeen::fire);
        robot.interact(() -> app.window.workspaceView().treeMenu().hide());
        waitUntil(10, () -> formA.newLeadsProperty().get() == 0 && badge(robot, formA).isEmpty());
        assertThat(onFx(() -> vm.newLeads().newIn(a.id()))).isZero();
        assertThat(onFx(() -> vm.form(b.id()).newLeadsProperty().get())).as("form B untouched")
                .isEqualTo(openedEntry == formB ? 1 : 2);
        assertThat(app.workspace().workspace().cache().newCountsByForm()).doesNotContainKey(a.id());
        assertThat(onFx(stage::getTitle)).doesNotContain("(0 new)");
    }
}
