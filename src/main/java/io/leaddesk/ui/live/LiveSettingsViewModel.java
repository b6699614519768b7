package io.leaddesk.ui.live;

import io.leaddesk.store.AppSettings;
import io.leaddesk.store.LiveSettings;
import io.leaddesk.ui.Messages;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Settings dialog's part for the open workspace (the demo has its own): "Check for new leads" off / every 2, 5,
 * 15, 60 minutes, "Notify me about new leads", "Show names in notifications" (only with notifications on).
 */
public final class LiveSettingsViewModel {
    /** The choices of "Check for new leads", in minutes; 0 = off. */
    public static final List<Integer> CHOICES = LiveSettings.CHOICES;

    private final Messages m;
    private final String workspace;
    private final ObjectProperty<Integer> checkMinutes = new SimpleObjectProperty<>(this, "checkMinutes");
    private final BooleanProperty notifications = new SimpleBooleanProperty(this, "notifications");
    private final BooleanProperty showNames = new SimpleBooleanProperty(this, "showNames");

    /** @param workspace {@link AppSettings#MAIN_WORKSPACE} or {@link AppSettings#DEMO_WORKSPACE} */
    public LiveSettingsViewModel(AppSettings current, String workspace, Messages messages) {
        this.m = messages;
        this.workspace = workspace;
        LiveSettings s = current.live(workspace);
        checkMinutes.set(s.checkMinutes());
        notifications.set(s.notifications());
        showNames.set(s.showNames());
    }

    /** {@code settings} with this workspace's choices. */
    public AppSettings applyTo(AppSettings settings) {
        Integer minutes = checkMinutes.get();
        return settings.withLive(workspace, new LiveSettings(minutes == null ? LiveSettings.DEFAULT_MINUTES : minutes,
                notifications.get(), showNames.get()));
    }

    /** "Off", "Every 2 minutes"... */
    public String choiceText(Integer minutes) {
        return minutes == null || minutes == 0 ? m.get("live.settings.check.off")
                : m.format("live.settings.check.every", minutes);
    }

    public ObjectProperty<Integer> checkMinutesProperty() {
        return checkMinutes;
    }

    public BooleanProperty notificationsProperty() {
        return notifications;
    }

    public BooleanProperty showNamesProperty() {
        return showNames;
    }
}
