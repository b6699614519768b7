package io.leaddesk.ui;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The desktop app. Startup is lean: settings are read (one small file), everything else (credential store,
 * database, network) happens in background tasks after the first window shows.
 * With {@code -Dleaddesk.startupProbe=true} it prints {@code LEADDESK_FIRST_WINDOW <ms since JVM start>} once the
 * first window is shown, and exits (for the installer's cold-start benchmark).
 */
public class LeadDeskApp extends Application {
    private AppContext context;
    private MainWindow window;

    public static void main(String[] args) {
        launch(LeadDeskApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        context = AppContext.create();
        window = new MainWindow(context, stage);
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

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (context != null) {
            context.close();
        }
    }
}
