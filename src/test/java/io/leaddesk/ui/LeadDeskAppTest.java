package io.leaddesk.ui;

import static io.leaddesk.ui.AppHarness.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.diagnostics.Logs;
import io.leaddesk.sample.SampleOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the app does around the window: at quit the database is closed (its WAL checkpointed) on a background
 * thread, never on the UI thread; a failure nobody caught is logged and shown as one sentence.
 */
@ExtendWith(ApplicationExtension.class)
class LeadDeskAppTest {
    private AppHarness app;

    @Start
    void start(Stage stage) throws Exception {
        app = new AppHarness(SampleOptions.defaults().withLeads(10), null);
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void theWorkspaceIsClosedOffTheUiThreadWhichDoesNotWaitForIt(FxRobot robot) throws Exception {
        CountDownLatch closing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> closedOn = new AtomicReference<>();
        AtomicBoolean closedOnUiThread = new AtomicBoolean(true);
        Workspace w = new Workspace(Workspace.Mode.OFFLINE, null, List.of(), TestData.cache(3), null, () -> {
            closedOn.set(Thread.currentThread());
            closedOnUiThread.set(Platform.isFxApplicationThread());
            closing.countDown();
            release.await(20, TimeUnit.SECONDS); // a long checkpoint
        });
        robot.interact(() -> app.window.showWorkspace(w));
        AtomicBoolean contextClosed = new AtomicBoolean();

        // returns while the workspace is still closing: the UI thread did not wait for it
        Thread t = onFx(() -> LeadDeskApp.closeInBackground(app.window, () -> contextClosed.set(true)));

        assertThat(closing.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(closedOnUiThread.get()).isFalse();
        assertThat(closedOn.get().getName()).isEqualTo("leaddesk-shutdown");
        assertThat(closedOn.get().isDaemon()).as("the JVM waits for it to finish").isFalse();
        assertThat(t.isAlive()).isTrue();
        assertThat(contextClosed.get()).as("the rest closes after the workspace").isFalse();
        assertThat(onFx(() -> app.window.workspaceViewModel())).isNull();

        release.countDown();
        t.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(t.isAlive()).isFalse();
        assertThat(contextClosed.get()).isTrue();
    }

    @Test
    void aFailureNobodyCaughtIsLoggedAndShownAsOneSentence(@TempDir Path dir) throws Exception {
        Messages m = Messages.load(Locale.ENGLISH);
        try (Logs logs = Logs.forApp(dir)) {
            onFx(() -> {
                LeadDeskApp.showUncaughtFailures(logs, app.window, m);
                return null;
            });
            Platform.runLater(() -> {
                throw new IllegalStateException("a bug in a click handler");
            });
            AppHarness.waitUntil(20, () -> !app.window.problem().isEmpty());
            assertThat(onFx(() -> app.window.problem())).isEqualTo(m.get("error.unexpected"));
            assertThat(ErrorText.isPlain(onFx(() -> app.window.problem()))).isTrue();
        }
        assertThat(Files.readString(Logs.logFile(dir), StandardCharsets.UTF_8))
                .contains("ERROR", "Uncaught failure on thread JavaFX Application Thread",
                        "java.lang.IllegalStateException: a bug in a click handler", "\tat ");
    }
}
