package io.leaddesk.live.notify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux: notifications through the desktop notification service ({@code org.freedesktop.Notifications}'s
 * {@code Notify} on the D-Bus session bus), which GNOME, KDE, Xfce, Cinnamon, MATE and the others provide. A click on
 * the notification (the {@code default} action, signalled as {@code ActionInvoked}) calls the click handler with it.
 * A body that the server renders as markup gets its {@code & < >} escaped, so a form name is shown as it is.
 */
public final class DesktopBusNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopBusNotifier.class);
    static final String APP_NAME = "LeadDesk";
    /** The action key of a click on the notification itself. */
    static final String DEFAULT_ACTION = "default";

    private final DBusConnection connection;
    private final FreedesktopNotifications service;
    private final ClickHandler onClick;
    private final Notifier fallback;
    private final String actionLabel;
    private final boolean markup;
    private final Map<Long, Notification> shown = new ConcurrentHashMap<>();
    private final AutoCloseable actions;
    private final AutoCloseable closings;

    private DesktopBusNotifier(DBusConnection connection, FreedesktopNotifications service, List<String> capabilities,
                               ClickHandler onClick, Notifier fallback, String actionLabel) throws DBusException {
        this.connection = connection;
        this.service = service;
        this.onClick = onClick;
        this.fallback = fallback;
        this.actionLabel = actionLabel;
        this.markup = capabilities.contains("body-markup");
        this.actions = connection.addSigHandler(FreedesktopNotifications.ActionInvoked.class, s -> {
            Notification n = shown.get(s.getId().longValue());
            if (n != null && (DEFAULT_ACTION.equals(s.getActionKey()) || "show".equals(s.getActionKey()))) {
                try {
                    onClick.clicked(n);
                } catch (RuntimeException e) {
                    LOG.warn("The click on a notification could not be handled", e);
                }
            }
        });
        this.closings = connection.addSigHandler(FreedesktopNotifications.NotificationClosed.class,
                s -> shown.remove(s.getId().longValue()));
    }

    /**
     * Connects to the session bus at {@code address} (null: the one of this login session, from
     * {@code DBUS_SESSION_BUS_ADDRESS} or {@code $XDG_RUNTIME_DIR/bus}) and checks that a notification service
     * answers; empty when there is no bus or no service.
     *
     * @param fallback    where a notification goes when the service fails to show it
     * @param actionLabel the label of the click action, where the server shows actions as buttons
     */
    public static Optional<DesktopBusNotifier> connect(String address, ClickHandler onClick, Notifier fallback,
                                                       String actionLabel) {
        String bus = address != null ? address : sessionBusAddress();
        if (bus == null) {
            return Optional.empty();
        }
        DBusConnection c = null;
        try {
            c = DBusConnectionBuilder.forAddress(bus).withShared(false).build();
            FreedesktopNotifications service = c.getRemoteObject(FreedesktopNotifications.NAME,
                    FreedesktopNotifications.PATH, FreedesktopNotifications.class);
            List<String> caps = service.capabilities(); // fails when no service owns or can start the name
            LOG.info("Desktop notifications through D-Bus (capabilities {})", caps);
            return Optional.of(new DesktopBusNotifier(c, service, caps, Objects.requireNonNull(onClick, "onClick"),
                    fallback, actionLabel == null ? "Show" : actionLabel));
        } catch (DBusException | RuntimeException e) {
            LOG.info("No desktop notification service on D-Bus ({})", e.getClass().getSimpleName());
            close(c);
            return Optional.empty();
        }
    }

    /** The session bus of this login: {@code DBUS_SESSION_BUS_ADDRESS}, else systemd's {@code $XDG_RUNTIME_DIR/bus}. */
    static String sessionBusAddress() {
        String env = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.exists(Path.of(runtime, "bus"))) {
            return "unix:path=" + Path.of(runtime, "bus");
        }
        return null;
    }

    @Override
    public void show(Notification n) {
        try {
            Map<String, Variant<?>> hints = Map.of(
                    "desktop-entry", new Variant<>("leaddesk"),
                    "category", new Variant<>("im.received"),
                    "urgency", new Variant<>((byte) 1));
            UInt32 id = service.sendNotification(APP_NAME, new UInt32(0), "", n.title(), markup ? escape(n.body()) : n.body(),
                    List.of(DEFAULT_ACTION, actionLabel), hints, -1);
            shown.put(id.longValue(), n);
        } catch (RuntimeException e) {
            LOG.warn("The desktop notification service did not take a notification ({}); shown in the app instead",
                    e.getClass().getSimpleName());
            if (fallback != null) {
                fallback.show(n);
            }
        }
    }

    /** The Desktop Notifications Specification's markup: {@code & < >} as entities. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String kind() {
        return "desktop";
    }

    @Override
    public void close() {
        for (AutoCloseable h : new AutoCloseable[]{actions, closings}) {
            try {
                h.close();
            } catch (Exception e) {
                LOG.debug("Removing a D-Bus signal handler failed", e);
            }
        }
        close(connection);
    }

    private static void close(DBusConnection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the D-Bus connection failed", e);
        }
    }
}
