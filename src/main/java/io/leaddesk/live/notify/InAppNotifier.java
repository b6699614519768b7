package io.leaddesk.live.notify;

import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the computer has no notification service: the notification becomes an event the app shows in its own window
 * (a notice the user can click to see the leads).
 */
public final class InAppNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(InAppNotifier.class);
    private final Consumer<Notification> sink;

    public InAppNotifier(Consumer<Notification> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void show(Notification notification) {
        try {
            sink.accept(notification);
        } catch (RuntimeException e) {
            LOG.warn("Showing a notification in the app failed", e);
        }
    }

    @Override
    public String kind() {
        return "in-app";
    }

    @Override
    public void close() {
        // nothing held
    }
}
