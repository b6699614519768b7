package io.leaddesk.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.export.CustomProfile;
import io.leaddesk.export.CustomProfiles;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.SyncTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The custom-profile editor headless: its buttons and headers show whole, and it works by keyboard alone. */
@ExtendWith(ApplicationExtension.class)
class ProfileEditorViewTest {
    private final Messages m = Messages.load(Locale.ENGLISH);
    @TempDir Path dir;
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = io.leaddesk.ui.workspace.WorkspaceStage.styled(stage, 720, 460);
    }

    private ProfileEditorView show(FxRobot robot) {
        ProfileEditorViewModel vm = new ProfileEditorViewModel(new CustomProfiles(dir), new SyncTaskExecutor(), m,
                List.of("id", "email", "full_name", "field:quais_serviços_te_interessam?"), "",
                List.of(new CustomProfile.CustomColumn("id", "id"), new CustomProfile.CustomColumn("email", "email")));
        ProfileEditorView view = new ProfileEditorView(vm, m);
        robot.interact(() -> root.getChildren().setAll(view.root()));
        WaitForAsyncUtils.waitForFxEvents();
        return view;
    }

    /** The dialog opens the editor at about 720 px. What a labeled control really draws (its skin's text: "…" when cut). */
    private static String drawn(Node labeled) {
        return ((Text) labeled.lookup(".text")).getText();
    }

    @Test
    void theMoveButtonsAndTheHeadersShowTheirWholeText(FxRobot robot) {
        ProfileEditorView view = show(robot);
        for (String id : List.of("#add", "#remove", "#up", "#down")) {
            Button b = robot.from(view.root()).lookup(id).queryAs(Button.class);
            assertThat(drawn(b)).as(id).isEqualTo(b.getText()).doesNotContain("…");
        }
        for (Node n : robot.from(view.root()).lookup(".section-header").queryAll()) {
            Label l = (Label) n;
            assertThat(drawn(l)).isEqualTo(l.getText());
        }
    }

    @Test
    void theWholeEditorWorksByKeyboard(FxRobot robot) {
        ProfileEditorView view = show(robot);
        var sources = view.sourcesList();
        var columns = view.columnsTable();
        robot.interact(() -> {
            sources.getSelectionModel().select("full_name");
            Event.fireEvent(sources, key(KeyCode.ENTER, false));
        });
        assertThat(columns.getItems()).extracting(ProfileEditorViewModel.Column::source).containsExactly("id", "email", "full_name");
        robot.interact(() -> Event.fireEvent(columns, key(KeyCode.UP, true)));
        assertThat(columns.getItems()).extracting(ProfileEditorViewModel.Column::source).containsExactly("id", "full_name", "email");
        assertThat(columns.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        robot.interact(() -> Event.fireEvent(columns, key(KeyCode.DELETE, false)));
        assertThat(columns.getItems()).extracting(ProfileEditorViewModel.Column::source).containsExactly("id", "email");
        robot.interact(() -> {
            columns.getSelectionModel().clearAndSelect(0);
            Event.fireEvent(columns, key(KeyCode.F2, false));
        });
        assertThat(columns.getEditingCell()).isNotNull();
        assertThat(columns.getEditingCell().getRow()).isZero();
    }

    private static KeyEvent key(KeyCode code, boolean alt) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, alt, false);
    }
}
