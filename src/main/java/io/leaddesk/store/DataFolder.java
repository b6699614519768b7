package io.leaddesk.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where LeadDesk keeps its data on this computer: {@code LEADDESK_HOME} when set, otherwise the operating
 * system's per-user application-data folder.
 */
public final class DataFolder {

    /** The database file name inside the data folder. */
    public static final String DATABASE_FILE = "leaddesk.db";

    private DataFolder() {
    }

    /** The data folder for this user, from the environment (usually {@code System.getenv()}). */
    public static Path resolve(Map<String, String> env) {
        return resolve(env, System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /** Same as {@link #resolve(Map)} with the operating system name and home folder given (for tests). */
    public static Path resolve(Map<String, String> env, String osName, String userHome) {
        String home = nonBlank(env.get("LEADDESK_HOME"));
        if (home != null) {
            return Path.of(home);
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = nonBlank(env.get("LOCALAPPDATA"));
            if (local == null) {
                local = nonBlank(env.get("APPDATA"));
            }
            if (local == null) {
                return Path.of(userHome, "AppData", "Local", "LeadDesk");
            }
            return Path.of(local, "LeadDesk");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(userHome, "Library", "Application Support", "LeadDesk");
        }
        String xdg = nonBlank(env.get("XDG_DATA_HOME"));
        if (xdg != null && Path.of(xdg).isAbsolute()) { // the XDG spec says relative values are to be ignored
            return Path.of(xdg, "leaddesk");
        }
        return Path.of(userHome, ".local", "share", "leaddesk");
    }

    /** The lead cache file inside {@code folder}. */
    public static Path databaseFile(Path folder) {
        return folder.resolve(DATABASE_FILE);
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
