package io.leaddesk.live.notify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * A small desktop notification service for the tests: owns {@code org.freedesktop.Notifications} on a private bus,
 * records every {@code Notify} call, and can signal that the user clicked a notification.
 */
final class RecordingNotificationService implements FreedesktopNotifications, AutoCloseable {
    record Call(String appName, long replacesId, String icon, String summary, String body, List<String> actions,
                Map<String, Variant<?>> hints, int timeout, long id) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(100);
    private final List<String> capabilities;
    private final DBusConnection connection;

    RecordingNotificationService(String address, List<String> capabilities) throws DBusException {
        this.capabilities = List.copyOf(capabilities);
        this.connection = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        connection.requestBusName(NAME);
        connection.exportObject(PATH, this);
    }

    @Override
    public UInt32 sendNotification(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                         List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
        long id = ids.incrementAndGet();
        calls.add(new Call(appName, replacesId.longValue(), appIcon, summary, body, List.copyOf(actions), Map.copyOf(hints),
                expireTimeout, id));
        return new UInt32(id);
    }

    @Override
    public List<String> capabilities() {
        return capabilities;
    }

    /** As the desktop does when the notification {@code id} is clicked. */
    void click(long id) throws DBusException {
        connection.sendMessage(new ActionInvoked(PATH, new UInt32(id), "default"));
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
