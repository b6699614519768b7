package io.leaddesk.ui;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleOptions;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real app during a sync slow enough (1 s per sample Graph API request) that it is surely still running when
 * the test has searched and clicks Cancel; in {@link EndToEndTest}'s faster demo it sometimes finished first.
 */
@ExtendWith(ApplicationExtension.class)
class SlowSyncTest {
    private AppHarness app;

    @Start
    void start(Stage stage) throws Exception {
        app = new AppHarness(SampleOptions.defaults().withLeads(1500).withLatencyMs(1000), null);
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    private static String state(WorkspaceViewModel vm) {
        try {
            return onFx(() -> "search=" + vm.leads().searchProperty().get() + " matches=" + vm.leads().matchCountProperty().get()
                    + " loading=" + vm.leads().loadingProperty().get() + " syncing=" + vm.syncingProperty().get()
                    + " status=" + vm.statusTextProperty().get());
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static void type(FxRobot robot, String query, String text) {
        TextField f = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> {
            f.requestFocus();
            f.setText(text);
        });
    }

    @Test
    void windowStaysResponsiveDuringASlowSync(FxRobot robot) throws Exception {
        WorkspaceViewModel vm = app.openSampleWorkspace(robot);
        CountDownLatch searched = new CountDownLatch(1);
        AtomicBoolean syncRunningWhenAnswered = new AtomicBoolean();
        robot.clickOn("#syncAll");
        waitUntil(10, () -> vm.syncingProperty().get());
        onFx(() -> {
            vm.leads().rowsProperty().addListener((o, a, b) -> {
                if ("zz-nobody".equals(vm.leads().searchProperty().get())) {
                    syncRunningWhenAnswered.set(vm.syncingProperty().get());
                    searched.countDown();
                }
            });
            return null;
        });
        type(robot, "#search", "zz-nobody");
        assertThat(searched.await(20, TimeUnit.SECONDS)).as(() -> "search answered; leads: " + state(vm)).isTrue();
        assertThat(syncRunningWhenAnswered.get()).as("the search answered while the sync was still running").isTrue();
        assertThat(onFx(() -> vm.leads().matchCountProperty().get())).isZero();
        robot.clickOn("#cancel");
        waitUntil(30, () -> !vm.syncingProperty().get());
        assertThat(onFx(() -> vm.noticeProperty().get().text())).startsWith("Sync stopped");
    }
}
