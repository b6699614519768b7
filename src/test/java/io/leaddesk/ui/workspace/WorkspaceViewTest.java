package io.leaddesk.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadSort;
import io.leaddesk.ui.FakeOpener;
import io.leaddesk.ui.FxTaskExecutor;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.TestData;
import io.leaddesk.ui.UiStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workspace view headless at the smallest window (1024×700): room, sorting, row menu, a quiet console. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceViewTest {
    private final Messages m = Messages.load(Locale.ENGLISH);
    private final FakeOpener opener = new FakeOpener(TestData.cache(300));
    private final List<LogRecord> cssWarnings = new ArrayList<>();
    private final Logger css = Logger.getLogger("javafx.css");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                cssWarnings.add(r);
            }
        }

        @Override
        public void flush() { }

        @Override
        public void close() { }
    };
    private StackPane root;
    private Stage stage;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        css.addHandler(capture);
        executor = new FxTaskExecutor();
        root = WorkspaceStage.styled(stage, 1024, 700);
    }

    @AfterEach
    void stop() {
        css.removeHandler(capture);
    }

    private WorkspaceView show(FxRobot robot, UiStateStore memory) throws Exception {
        return WorkspaceStage.show(robot, root, opener, executor, m, memory, 300);
    }

    @SuppressWarnings("unchecked")
    private TableView<LeadRow> table(FxRobot robot) {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    /** Columns of the table that show whole (the vertical scroll bar aside). */
    private static int wholeColumns(TableView<LeadRow> table) {
        double room = table.getWidth() - 16;
        double x = 0;
        int whole = 0;
        for (TableColumn<LeadRow, ?> c : table.getVisibleLeafColumns()) {
            x += c.getWidth();
            if (x <= room) {
                whole++;
            }
        }
        return whole;
    }

    @Test
    void aWindowMadeNarrowerKeepsFiveWholeColumnsAndAWiderOneGivesTheTableTheGrowth(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        show(robot, UiStateStore.inMemory(executor));
        TableView<LeadRow> table = table(robot);
        double tableAt1280 = table.getWidth();
        Node tree = robot.lookup("#tree").query();
        double treeAt1280 = tree.getBoundsInLocal().getWidth();
        assertThat(tree.isVisible() && tree.getScene() != null).as("the tree shows in a wide window").isTrue();

        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wholeColumns(table)).as("whole columns in a table %s px wide", table.getWidth()).isGreaterThanOrEqualTo(5);

        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getWidth()).isCloseTo(tableAt1280, org.assertj.core.data.Offset.offset(4.0));
        assertThat(robot.lookup("#tree").query().getBoundsInLocal().getWidth()).isCloseTo(treeAt1280, org.assertj.core.data.Offset.offset(4.0));
    }

    @Test
    void at1024PixelsTheTableShowsAtLeastFiveWholeColumnsAndTheConsoleStaysQuiet(FxRobot robot) throws Exception {
        show(robot, UiStateStore.inMemory(executor));
        TableView<LeadRow> table = table(robot);
        double room = table.getWidth() - 16; // the vertical scroll bar
        double x = 0;
        int whole = 0;
        for (TableColumn<LeadRow, ?> c : table.getVisibleLeafColumns()) {
            x += c.getWidth();
            if (x <= room) {
                whole++;
            }
        }
        assertThat(whole).as("whole columns in a table %s px wide", table.getWidth()).isGreaterThanOrEqualTo(5);
        assertThat(cssWarnings).as("CSS warnings (the ControlsFX status bar)").extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void clickingAHeaderSortsByItBothWaysWithTheArrowAndTheSortIsRemembered(FxRobot robot) throws Exception {
        UiStateStore memory = UiStateStore.inMemory(executor);
        WorkspaceView view = show(robot, memory);
        TableView<LeadRow> table = table(robot);
        Node nameHeader = table.lookupAll(".column-header").stream()
                .filter(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() == view.column("NAME"))
                .findFirst().orElseThrow();
        robot.clickOn(nameHeader);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.viewModel().leads().sort() == LeadSort.NAME);
        assertThat(view.viewModel().leads().descending()).isFalse();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Person 1".equals(table.getItems().get(0).name()));
        assertThat(nameHeader.lookup(".arrow").isVisible()).as("the sort arrow").isTrue();

        robot.clickOn(nameHeader);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.viewModel().leads().descending());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Person 99".equals(table.getItems().get(0).name()));
        assertThat(memory.get().table().sort()).isEqualTo("NAME");
        assertThat(memory.get().table().descending()).isTrue();

        WorkspaceView again = show(robot, memory);
        assertThat(again.viewModel().leads().sort()).isEqualTo(LeadSort.NAME);
        assertThat(table(robot).getSortOrder()).containsExactly(again.column("NAME"));
        assertThat(again.column("NAME").getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);
    }

    @Test
    void shiftF10OpensTheRowMenuOnTheSelectedRow(FxRobot robot) throws Exception {
        WorkspaceView view = show(robot, UiStateStore.inMemory(executor));
        TableView<LeadRow> table = table(robot);
        robot.interact(() -> table.getSelectionModel().select(2));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.viewModel().detail().presentProperty().get());
        robot.interact(() -> Event.fireEvent(table, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.F10, true, false, false, false)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.rowMenu().isShowing());
        assertThat(view.rowMenu().getItems()).extracting(i -> i.getText())
                .containsExactly("Copy email", "Copy phone", "Set review status", "Open in detail");
        robot.interact(() -> view.rowMenu().hide());
    }
}
