package io.leaddesk.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.store.LeadRow;
import io.leaddesk.ui.FakeOpener;
import io.leaddesk.ui.FxTaskExecutor;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.TestData;
import io.leaddesk.ui.UiStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Tab and Shift+Tab in the workspace follow the reading order: search, filters, table, detail, tree, toolbar. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceFocusTest {
    private final Messages m = Messages.load(Locale.ENGLISH);
    private final FakeOpener opener = new FakeOpener(TestData.cache(30));
    private StackPane root;
    private Stage stage;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = new FxTaskExecutor();
        root = WorkspaceStage.styled(stage, 1280, 800);
    }

    private WorkspaceView show(FxRobot robot) throws Exception {
        return WorkspaceStage.show(robot, root, opener, executor, m, UiStateStore.inMemory(executor), 30);
    }

    private static String id(Node n) {
        return n == null ? "(none)" : n.getId() != null ? n.getId() : n.getClass().getSimpleName();
    }

    private String owner() {
        return id(stage.getScene().getFocusOwner());
    }

    /** Presses Tab (or Shift+Tab) {@code times} and returns where the focus went each time. */
    private List<String> tab(FxRobot robot, int times, boolean back) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            if (back) {
                robot.push(KeyCode.SHIFT, KeyCode.TAB);
            } else {
                robot.push(KeyCode.TAB);
            }
            WaitForAsyncUtils.waitForFxEvents();
            seen.add(owner());
        }
        return seen;
    }

    /** Pixels of text (darker than the field's background) in an empty text field: its prompt. */
    private static int inkPixels(FxRobot robot, Node field) {
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> img[0] = field.snapshot(null, null));
        javafx.scene.image.PixelReader px = img[0].getPixelReader();
        int ink = 0;
        // inside the border and away from the caret at the left
        for (int y = 6; y < img[0].getHeight() - 6; y++) {
            for (int x = 16; x < img[0].getWidth() - 8; x++) {
                int argb = px.getArgb(x, y);
                int lum = ((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff);
                if (lum < 3 * 200) {
                    ink++;
                }
            }
        }
        return ink;
    }

    @SuppressWarnings("unchecked")
    private void selectALead(FxRobot robot, WorkspaceView view) throws Exception {
        TableView<LeadRow> table = robot.lookup("#table").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(2));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.viewModel().detail().presentProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#search").query().requestFocus());
    }

    @Test
    void theWorkspaceOpensInTheSearchBoxAndTabGoesSearchFiltersTableDetailTreeToolbarAndBack(FxRobot robot) throws Exception {
        WorkspaceView view = show(robot);
        assertThat(owner()).as("the focus when the workspace opens").isEqualTo("search");
        assertThat(inkPixels(robot, robot.lookup("#search").query())).as("the search box says what it searches while it has the keyboard")
                .isGreaterThan(150);
        selectALead(robot, view);

        List<String> forward = tab(robot, 20, false);
        assertThat(forward).startsWith("newOnly", "filtersToggle", "table",
                "delete", "copyEmail", "copyPhone", "status", "note", "rawPane",
                "tree",
                "treeToggle", "syncSelected", "syncAll", "detailToggle", "settings", "signOut",
                "search");
        assertThat(forward).doesNotContain("cancel", "export", "importDownload", "saveNote").as("disabled controls are skipped");

        robot.interact(() -> robot.lookup("#filtersToggle").query().requestFocus());
        List<String> back = tab(robot, 4, true);
        assertThat(back).containsExactly("newOnly", "search", "signOut", "settings");
    }

    @Test
    void aCollapsedPaneIsSkippedAndAFocusedControlShowsItsRing(FxRobot robot) throws Exception {
        WorkspaceView view = show(robot);
        selectALead(robot, view);
        robot.interact(() -> robot.lookup("#treeToggle").queryAs(ToggleButton.class).setSelected(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#rawPane").query().requestFocus());
        assertThat(tab(robot, 1, false)).as("after the detail, with the Pages tree collapsed").containsExactly("treeToggle");
        assertThat(stage.getScene().getFocusOwner().getPseudoClassStates()).contains(FocusOrder.FOCUS_VISIBLE);

        robot.interact(() -> robot.lookup("#detailToggle").queryAs(ToggleButton.class).setSelected(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#table").query().requestFocus());
        assertThat(tab(robot, 1, false)).as("after the table, with the detail collapsed too").containsExactly("treeToggle");
        assertThat(tab(robot, 1, true)).containsExactly("table");
        assertThat(robot.lookup("#treeToggle").query().getPseudoClassStates()).as("the ring goes with the focus")
                .doesNotContain(FocusOrder.FOCUS_VISIBLE);
    }
}
