package io.leaddesk.ui.workspace;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.store.AppSettings;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.ui.FakeOpener;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.MainWindow;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.TaskExecutor;
import io.leaddesk.ui.UiStateStore;
import io.leaddesk.ui.Workspace;
import io.leaddesk.ui.detail.LeadDetailViewModel;
import io.leaddesk.ui.leads.LeadsTableViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** For the TestFX tests of the workspace: a window styled as the app's, and the workspace view shown in it. */
public final class WorkspaceStage {
    private WorkspaceStage() {
    }

    /** Shows {@code stage} at {@code width} x {@code height} with the app's theme and style sheet; returns its root. */
    public static StackPane styled(Stage stage, int width, int height) {
        MainWindow.applyTheme(AppSettings.defaults());
        StackPane root = new StackPane();
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return root;
    }

    /**
     * Signs in through {@code opener}, shows the workspace view in {@code root} (English, UTC) and waits until its
     * table counts {@code leads} leads.
     */
    static WorkspaceView show(FxRobot robot, StackPane root, FakeOpener opener, TaskExecutor executor, Messages m,
                              UiStateStore memory, int leads) throws Exception {
        Workspace w = opener.signIn(new AccessToken("EAAB1234567890"), null);
        Formats f = new Formats(ZoneOffset.UTC, Locale.ENGLISH);
        LeadsTableViewModel table = new LeadsTableViewModel(w.cache(), executor, m, Duration.ofMillis(10), ZoneOffset.UTC, memory);
        LeadDetailViewModel detail = new LeadDetailViewModel(w.cache(), executor, m, f, Clock.systemUTC(), s -> { });
        WorkspaceViewModel vm = new WorkspaceViewModel(w, new CredentialVaultInMemory(), executor, m, f, table, detail);
        WorkspaceView[] view = new WorkspaceView[1];
        robot.interact(() -> {
            view[0] = new WorkspaceView(vm, m, f, () -> { });
            root.getChildren().setAll(view[0].root());
            vm.open();
        });
        String count = leads + " of " + leads;
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> count.equals(table.countTextProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        return view[0];
    }
}
