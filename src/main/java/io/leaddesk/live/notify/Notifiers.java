package io.leaddesk.live.notify;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** Picks where notifications go on this computer. */
public final class Notifiers {
    private Notifiers() {
    }

    /**
     * Linux: the desktop notification service over D-Bus when one answers; Windows and macOS (and a Linux desktop
     * without that service but with a tray): the system tray; otherwise (no desktop, a headless server) the app's own
     * notice, {@code inApp}. A notifier that fails to show one hands it to {@code inApp}.
     *
     * @param onClick     bring the window forward on the notification's leads
     * @param inApp       the app's own notice
     * @param actionLabel the label of the click action where the desktop shows it as a button (e.g. "Show leads")
     */
    public static Notifier forThisComputer(Notifier.ClickHandler onClick, Consumer<Notification> inApp,
                                           String actionLabel) {
        Notifier fallback = new InAppNotifier(inApp);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.startsWith("windows") && !os.startsWith("mac")) {
            Optional<DesktopBusNotifier> bus = DesktopBusNotifier.connect(null, onClick, fallback, actionLabel);
            if (bus.isPresent()) {
                return bus.get();
            }
        }
        Optional<TrayNotifier> tray = TrayNotifier.create(onClick, fallback);
        if (tray.isPresent()) {
            return tray.get();
        }
        return fallback;
    }
}
