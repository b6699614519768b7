package io.leaddesk.store;

import java.util.List;

/**
 * How one workspace keeps up with new leads (kept per workspace in {@link AppSettings#workspaces()}).
 *
 * @param checkMinutes  "Check for new leads": 0 = off, else every 2, 5, 15 or 60 minutes (default 5); any other
 *                      number reads as the default
 * @param notifications a desktop notification when a sync brings new leads (default on)
 * @param showNames     "Show names in notifications": the leads' names in them (default off: counts and form names
 *                      only, since screens are shared)
 */
public record LiveSettings(int checkMinutes, boolean notifications, boolean showNames) {
    /** The choices of "Check for new leads", in minutes; 0 = off. */
    public static final List<Integer> CHOICES = List.of(0, 2, 5, 15, 60);
    public static final int DEFAULT_MINUTES = 5;

    public LiveSettings {
        checkMinutes = CHOICES.contains(checkMinutes) ? checkMinutes : DEFAULT_MINUTES;
    }

    public static LiveSettings defaults() {
        return new LiveSettings(DEFAULT_MINUTES, true, false);
    }

    public boolean autoSyncOn() {
        return checkMinutes > 0;
    }

    public LiveSettings withCheckMinutes(int minutes) {
        return new LiveSettings(minutes, notifications, showNames);
    }

    public LiveSettings withNotifications(boolean on) {
        return new LiveSettings(checkMinutes, on, showNames);
    }

    public LiveSettings withShowNames(boolean on) {
        return new LiveSettings(checkMinutes, notifications, on);
    }
}
