package io.leaddesk.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.leaddesk.files.AtomicWrite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link AppSettings} as {@code settings.json} in the data folder. Because the data folder itself
 * can be moved by the user, a pointer to a chosen folder is kept outside it, in {@link Preferences}
 * (node {@code io/leaddesk}, key {@code dataFolder}); tests pass their own node.
 * Writes go through {@link AtomicWrite} (a uniquely named temp file, fsynced, renamed over the file), so a crash never
 * leaves half a file and the app and the command line saving at the same time never tear it or lose it.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    public static final String FILE_NAME = "settings.json";
    private static final String POINTER_KEY = "dataFolder";

    private final Path defaultFolder;
    private final Preferences prefs;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param defaultFolder the data folder when the user chose none
     * @param prefs         where the pointer to a chosen data folder lives (null = no pointer support)
     */
    public SettingsStore(Path defaultFolder, Preferences prefs) {
        this.defaultFolder = defaultFolder;
        this.prefs = prefs;
    }

    /**
     * The settings of this environment: LEADDESK_HOME, when set, wins over the data folder chosen in Settings
     * (so scripts and tests are never redirected); otherwise the chosen folder, else the OS default. The GUI and
     * the command line both resolve the data folder through here, so they always share one cache.
     */
    public static SettingsStore forEnvironment(java.util.Map<String, String> env) {
        String home = env.get("LEADDESK_HOME");
        boolean explicit = home != null && !home.isBlank();
        return new SettingsStore(DataFolder.resolve(env), explicit ? null : userPreferences());
    }

    /** The user's preferences node of LeadDesk. */
    public static Preferences userPreferences() {
        return Preferences.userRoot().node("io/leaddesk");
    }

    /** The data folder in use: the chosen one (pointer) if any, else the default. */
    public Path dataFolder() {
        return chosenFolder().orElse(defaultFolder);
    }

    public Path defaultFolder() {
        return defaultFolder;
    }

    private Optional<Path> chosenFolder() {
        if (prefs == null) {
            return Optional.empty();
        }
        String p = prefs.get(POINTER_KEY, null);
        return p == null || p.isBlank() ? Optional.empty() : Optional.of(Path.of(p));
    }

    /** The settings (defaults when the file is missing or unreadable; an unreadable file is left untouched). */
    public AppSettings load() {
        Path file = dataFolder().resolve(FILE_NAME);
        AppSettings s = AppSettings.defaults();
        if (Files.isRegularFile(file)) {
            try {
                s = json.readValue(file.toFile(), AppSettings.class);
            } catch (IOException e) {
                LOG.warn("Settings file {} could not be read; using defaults", file);
            }
        }
        return s.withDataFolder(chosenFolder().map(Path::toString).orElse(null));
    }

    /** Saves the settings; when {@code dataFolder} changed, the pointer is updated and the file is written in the new folder. */
    public void save(AppSettings settings) {
        // The file is written first, in the folder the settings name: a folder that cannot take it is never pointed at.
        Path folder = prefs != null && settings.dataFolder() != null ? Path.of(settings.dataFolder()) : defaultFolder;
        try {
            byte[] bytes = json.writeValueAsBytes(settings);
            Files.createDirectories(folder);
            AtomicWrite.write(folder.resolve(FILE_NAME), out -> out.write(bytes));
        } catch (IOException e) {
            throw new StoreException("The settings could not be saved in the folder " + folder + " (" + reason(e)
                    + "); choose a folder you can write to, or free some space.", e);
        }
        if (prefs != null) {
            if (settings.dataFolder() == null) {
                prefs.remove(POINTER_KEY);
            } else {
                prefs.put(POINTER_KEY, settings.dataFolder());
            }
            try {
                prefs.flush();
            } catch (BackingStoreException e) {
                throw new StoreException("The choice of data folder could not be saved in this user's preferences;"
                        + " the settings were saved, but LeadDesk will open the previous data folder next time.", e);
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.FileSystemException) {
            return "it is not a folder LeadDesk can write to";
        }
        return e.getMessage() == null ? "it could not be written" : e.getMessage();
    }

}
