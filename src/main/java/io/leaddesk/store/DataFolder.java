package io.leaddesk.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where LeadDesk keeps its data: LEADDESK_HOME, else the OS's per-user application-data folder. (Placeholder; store branch owns the final version.) */
public final class DataFolder {
    private DataFolder() {
    }

    public static Path resolve(Map<String, String> env) {
        String home = env.get("LEADDESK_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home.strip());
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String user = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = env.getOrDefault("LOCALAPPDATA", env.get("APPDATA"));
            return local != null ? Path.of(local, "LeadDesk") : Path.of(user, "AppData", "Local", "LeadDesk");
        }
        if (os.contains("mac")) {
            return Path.of(user, "Library", "Application Support", "LeadDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "leaddesk") : Path.of(user, ".local", "share", "leaddesk");
    }

    public static Path databaseFile(Path folder) {
        return folder.resolve("leaddesk.db");
    }
}
