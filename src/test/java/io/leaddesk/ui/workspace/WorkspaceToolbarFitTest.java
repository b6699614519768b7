package io.leaddesk.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.ui.FakeOpener;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.FxTaskExecutor;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.TestData;
import io.leaddesk.ui.UiStateStore;
import io.leaddesk.ui.Workspace;
import io.leaddesk.ui.detail.LeadDetailViewModel;
import io.leaddesk.ui.leads.LeadsTableViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 1024 px the workspace fits its window in every language: no toolbar control outside it; what does not fit is in
 * the toolbar's "⋯" menu.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceToolbarFitTest {
    private StackPane root;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        root = WorkspaceStage.styled(stage, 1024, 700);
    }

    @Test
    void theWorkspaceFitsA1024PixelWindowInEveryLanguage(FxRobot robot) throws Exception {
        List<String> outside = new ArrayList<>();
        for (String tag : List.of("en", "tr", "uk", "ru", "pt-BR", "id", "fr")) {
            Locale l = Locale.forLanguageTag(tag);
            Messages m = Messages.load(l);
            FxTaskExecutor executor = new FxTaskExecutor();
            Workspace w = new FakeOpener(TestData.cache(5)).signIn(new AccessToken("EAAB1234567890"), null);
            Formats f = new Formats(ZoneOffset.UTC, l);
            UiStateStore memory = UiStateStore.inMemory(executor);
            LeadsTableViewModel leads = new LeadsTableViewModel(w.cache(), executor, m, Duration.ofMillis(10), ZoneOffset.UTC, memory);
            LeadDetailViewModel detail = new LeadDetailViewModel(w.cache(), executor, m, f, Clock.systemUTC(), s -> { });
            WorkspaceViewModel vm = new WorkspaceViewModel(w, new CredentialVaultInMemory(), executor, m, f, leads, detail);
            WorkspaceView[] view = new WorkspaceView[1];
            robot.interact(() -> {
                view[0] = new WorkspaceView(vm, m, f, () -> { });
                view[0].setOnImport(() -> { });
                root.getChildren().setAll(view[0].root());
                vm.open();
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> root.layout());
            double width = stage.getScene().getWidth();
            for (Node n : robot.from(view[0].root()).lookup("#toolbar").queryAs(javafx.scene.layout.HBox.class).getChildren()) {
                Bounds b = n.localToScene(n.getLayoutBounds());
                if (n.isVisible() && n.getScene() != null && (b.getMinX() < -0.5 || b.getMaxX() > width + 0.5)) {
                    outside.add(tag + ": " + n.getId() + " " + Math.round(b.getMinX()) + ".." + Math.round(b.getMaxX()));
                }
            }
            double rootWidth = view[0].root().getWidth();
            if (rootWidth > width + 0.5) {
                outside.add(tag + ": the workspace is " + Math.round(rootWidth) + " px wide");
            }
            // what does not fit is in the "⋯" menu, whole
            javafx.scene.control.MenuButton more = robot.from(view[0].root()).lookup("#more").queryAs(javafx.scene.control.MenuButton.class);
            for (String id : List.of("importDownload", "access", "settings", "signOut")) {
                javafx.scene.control.Button b = robot.from(view[0].root()).lookup("#" + id).queryAs(javafx.scene.control.Button.class);
                boolean inMenu = more.isVisible() && more.getItems().stream()
                        .anyMatch(i -> i.isVisible() && i.getText().equals(b.getText()));
                if (b.isVisible() == inMenu) {
                    outside.add(tag + ": " + id + (inMenu ? " both in the bar and the menu" : " neither in the bar nor the menu"));
                }
            }
        }
        assertThat(outside).as("outside a 1024 px window").isEmpty();
    }
}
