package io.leaddesk.live.notify;

import java.util.List;
import java.util.function.Consumer;

/**
 * Shows notifications where this computer shows them ({@link Notifiers#forThisComputer}): the desktop notification
 * service on Linux ({@link DesktopBusNotifier}), the system tray on Windows and macOS ({@link TrayNotifier}), or, where
 * neither exists, the app itself ({@link InAppNotifier}). Clicking a notification calls the {@link ClickHandler}
 * given when the notifier was made, with the notification's leads.
 */
public interface Notifier extends AutoCloseable {

    /** Shows it; never throws (a notifier that fails hands it to the in-app one, or logs it). */
    void show(Notification notification);

    /** Where notifications go: "desktop" (D-Bus), "tray" or "in-app". */
    String kind();

    @Override
    void close();

    /** What clicking a notification does: bring the window forward on these leads. */
    @FunctionalInterface
    interface ClickHandler {
        void clicked(Notification notification);

        ClickHandler NONE = n -> { };
    }

    /** A notifier that hands every notification to {@code sink} (tests, the in-app notice). */
    static Notifier to(Consumer<Notification> sink) {
        return new InAppNotifier(sink);
    }

    /** Lead ids of a notification, for click handlers that take ids only. */
    static List<String> leadsOf(Notification n) {
        return n.leadIds();
    }
}
