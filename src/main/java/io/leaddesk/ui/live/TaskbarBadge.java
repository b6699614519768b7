package io.leaddesk.ui.live;

import java.awt.GraphicsEnvironment;
import java.awt.Taskbar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The number of new leads on the app's taskbar or dock icon, where the OS has such a badge (macOS's dock; most
 * Linux and Windows desktops do not offer it to Java, and then nothing happens).
 */
public final class TaskbarBadge {
    private static final Logger LOG = LoggerFactory.getLogger(TaskbarBadge.class);

    private TaskbarBadge() {
    }

    /** Shows {@code count} on the icon (0 = no badge); does nothing where there is no badge. */
    public static void show(long count) {
        try {
            if (GraphicsEnvironment.isHeadless() || !Taskbar.isTaskbarSupported()) {
                return;
            }
            Taskbar t = Taskbar.getTaskbar();
            if (t.isSupported(Taskbar.Feature.ICON_BADGE_NUMBER)) {
                t.setIconBadge(count > 0 ? Long.toString(count) : null);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("No taskbar badge on this computer", e);
        }
    }
}
