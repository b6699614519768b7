package io.leaddesk.live.notify;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows and macOS: notifications through the system tray ({@link SystemTray}, {@link TrayIcon#displayMessage}:
 * a toast in Windows' notification centre, a notification on macOS). Clicking it (or the tray icon) calls the click
 * handler with the last notification shown.
 */
public final class TrayNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(TrayNotifier.class);

    private final TrayIcon icon;
    private final Notifier fallback;
    private volatile Notification last;

    private TrayNotifier(TrayIcon icon, ClickHandler onClick, Notifier fallback) {
        this.icon = icon;
        this.fallback = fallback;
        icon.addActionListener(e -> {
            Notification n = last;
            if (n != null) {
                try {
                    onClick.clicked(n);
                } catch (RuntimeException ex) {
                    LOG.warn("The click on a notification could not be handled", ex);
                }
            }
        });
    }

    /** Puts LeadDesk's icon in the system tray; empty when this computer has no tray (or no display). */
    public static Optional<TrayNotifier> create(ClickHandler onClick, Notifier fallback) {
        Objects.requireNonNull(onClick, "onClick");
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                return Optional.empty();
            }
            SystemTray tray = SystemTray.getSystemTray();
            TrayIcon icon = new TrayIcon(image(tray.getTrayIconSize().width), "LeadDesk");
            icon.setImageAutoSize(true);
            tray.add(icon);
            return Optional.of(new TrayNotifier(icon, onClick, fallback));
        } catch (AWTException | RuntimeException | LinkageError e) {
            LOG.info("No system tray for notifications ({})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** A plain round badge with an "L", drawn (no image file to ship). */
    private static BufferedImage image(int size) {
        int s = Math.max(16, size);
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x1F6FEB));
            g.fillOval(0, 0, s, s);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (s * 0.7)));
            int w = g.getFontMetrics().stringWidth("L");
            g.drawString("L", (s - w) / 2, (int) (s * 0.78));
        } finally {
            g.dispose();
        }
        return img;
    }

    @Override
    public void show(Notification n) {
        try {
            last = n;
            icon.displayMessage(n.title(), n.body(), TrayIcon.MessageType.INFO);
        } catch (RuntimeException e) {
            LOG.warn("The system tray did not take a notification ({}); shown in the app instead",
                    e.getClass().getSimpleName());
            if (fallback != null) {
                fallback.show(n);
            }
        }
    }

    @Override
    public String kind() {
        return "tray";
    }

    @Override
    public void close() {
        try {
            SystemTray.getSystemTray().remove(icon);
        } catch (RuntimeException e) {
            LOG.debug("Removing the tray icon failed", e);
        }
    }
}
