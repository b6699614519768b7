package io.leaddesk.ui;

import io.leaddesk.diagnostics.Logs;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app. Startup is lean: settings are read (one small file), everything else (credential store,
 * database, network) happens in background tasks after the first window shows. The log goes to
 * {@code logs/leaddesk.log} in the data folder; a failure nobody caught is logged and shown as one sentence.
 * At quit the window goes at once and the database is closed (its write-ahead log checkpointed) on a background
 * thread, which {@link #main} waits for before it returns.
 * With {@code -Dleaddesk.startupProbe=true} it prints {@code LEADDESK_FIRST_WINDOW <ms since JVM start>} once the
 * first window is shown, and exits (for the installer's cold-start benchmark).
 */
public class LeadDeskApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(LeadDeskApp.class);
    /** How long {@link #main} waits for the closing at quit before it lets the process end anyway. */
    private static final long CLOSE_WAIT_SECONDS = 60;
    private static volatile Thread closing;

    private AppContext context;
    private MainWindow window;
    private Logs logs;

    public static void main(String[] args) {
        launch(LeadDeskApp.class, args);
        awaitClosed(CLOSE_WAIT_SECONDS);
    }

    @Override
    public void start(Stage stage) {
        context = AppContext.create();
        logs = Logs.forApp(context.dataFolder());
        window = new MainWindow(context, stage);
        showUncaughtFailures(logs, window, context.messages());
        if (Boolean.getBoolean("leaddesk.startupProbe")) {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(() -> {
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("LEADDESK_FIRST_WINDOW " + ms);
                System.out.flush();
                Platform.exit();
                System.exit(0);
            }));
        }
        window.show();
    }

    /** A failure nobody caught (already logged at ERROR by {@code logs}) is shown in the window as one sentence. */
    static void showUncaughtFailures(Logs logs, MainWindow window, Messages messages) {
        String sentence = messages.get("error.unexpected");
        logs.onUncaught(e -> Platform.runLater(() -> window.showProblem(sentence)));
    }

    @Override
    public void stop() {
        closing = closeInBackground(window, context, logs);
    }

    /**
     * Quitting, on the UI thread: takes the open workspace from the window and closes it, then {@code after} in order,
     * on a new non-daemon thread, which it returns started. The UI thread does not wait for the database.
     */
    static Thread closeInBackground(MainWindow window, AutoCloseable... after) {
        List<AutoCloseable> all = new ArrayList<>();
        Workspace w = window == null ? null : window.detachWorkspace();
        if (w != null) {
            all.add(w);
        }
        for (AutoCloseable c : after) {
            if (c != null) {
                all.add(c);
            }
        }
        Thread t = new Thread(() -> {
            for (AutoCloseable c : all) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("Closing {} at quit failed", c.getClass().getSimpleName(), e);
                }
            }
        }, "leaddesk-shutdown");
        t.setDaemon(false);
        t.start();
        return t;
    }

    /** Waits (at most {@code seconds}) for the closing started at quit. */
    static void awaitClosed(long seconds) {
        Thread t = closing;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(seconds));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
