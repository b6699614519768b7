package io.leaddesk.live.notify;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusMemberName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The desktop notification service's interface on the D-Bus session bus ({@code org.freedesktop.Notifications} at
 * {@code /org/freedesktop/Notifications}, the Desktop Notifications Specification 1.2): the part LeadDesk uses.
 */
@DBusInterfaceName(FreedesktopNotifications.NAME)
public interface FreedesktopNotifications extends DBusInterface {
    String NAME = "org.freedesktop.Notifications";
    String PATH = "/org/freedesktop/Notifications";

    /**
     * Shows a notification ({@code Notify}; not named notify in Java, which a proxy takes for Object's); returns its id.
     *
     * @param actions       pairs of action key and label; the key {@code default} is a click on the notification
     * @param expireTimeout milliseconds, -1 = the server's default
     */
    @DBusMemberName("Notify")
    UInt32 sendNotification(String appName, UInt32 replacesId, String appIcon, String summary, String body, List<String> actions,
                  Map<String, Variant<?>> hints, int expireTimeout);

    /** The optional capabilities of the server, e.g. "actions", "body". */
    @DBusMemberName("GetCapabilities")
    List<String> capabilities();

    /** The user chose an action of a notification ({@code default}: clicked it). */
    class ActionInvoked extends DBusSignal {
        private final UInt32 id;
        private final String actionKey;

        public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
            super(path, id, actionKey);
            this.id = id;
            this.actionKey = actionKey;
        }

        public UInt32 getId() {
            return id;
        }

        public String getActionKey() {
            return actionKey;
        }
    }

    /** A notification closed (1 expired, 2 dismissed, 3 closed by a call, 4 other). */
    class NotificationClosed extends DBusSignal {
        private final UInt32 id;
        private final UInt32 reason;

        public NotificationClosed(String path, UInt32 id, UInt32 reason) throws DBusException {
            super(path, id, reason);
            this.id = id;
            this.reason = reason;
        }

        public UInt32 getId() {
            return id;
        }

        public UInt32 getReason() {
            return reason;
        }
    }
}
