package io.leaddesk.ui.settings;

import io.leaddesk.store.AppSettings;
import io.leaddesk.store.SettingsStore;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.TaskExecutor;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Settings dialog: Graph API version, data folder, theme, default phone region. Validates, then saves in the background. */
public final class SettingsViewModel {
    public static final List<String> THEMES = List.of(AppSettings.LIGHT, AppSettings.DARK);

    private final SettingsStore store;
    private final TaskExecutor executor;
    private final Messages m;
    private final ErrorText errors;

    private final StringProperty graphVersion = new SimpleStringProperty(this, "graphVersion");
    private final StringProperty dataFolder = new SimpleStringProperty(this, "dataFolder");
    private final StringProperty theme = new SimpleStringProperty(this, "theme");
    private final StringProperty defaultRegion = new SimpleStringProperty(this, "defaultRegion");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper dataFolderNote = new ReadOnlyStringWrapper(this, "dataFolderNote", "");
    private final BooleanBinding valid;
    private final AppSettings original;
    private Consumer<AppSettings> onSaved = s -> { };

    public SettingsViewModel(AppSettings current, SettingsStore store, TaskExecutor executor, Messages messages) {
        this.original = current;
        this.store = store;
        this.executor = executor;
        this.m = messages;
        this.errors = new ErrorText(messages);
        graphVersion.set(current.graphVersion());
        dataFolder.set(current.dataFolder() == null ? store.dataFolder().toString() : current.dataFolder());
        theme.set(current.theme());
        defaultRegion.set(current.defaultRegion());
        valid = Bindings.createBooleanBinding(() -> validate().isEmpty(), graphVersion, dataFolder, defaultRegion);
        valid.addListener((o, a, b) -> error.set(validate()));
        dataFolder.addListener((o, a, b) -> dataFolderNote.set(changedFolder() ? m.get("settings.dataFolder.restart") : ""));
    }

    /** "" when the entries are acceptable, else what to fix. */
    public String validate() {
        if (!AppSettings.isValidVersion(graphVersion.get())) {
            return m.get("settings.error.version");
        }
        String f = dataFolder.get();
        if (f == null || f.isBlank()) {
            return m.get("settings.error.folder");
        }
        try {
            if (!Path.of(f.strip()).isAbsolute()) {
                return m.get("settings.error.folder");
            }
        } catch (InvalidPathException e) {
            return m.get("settings.error.folder");
        }
        String r = defaultRegion.get() == null ? "" : defaultRegion.get().strip();
        if (!r.isEmpty() && !r.matches("[A-Za-z]{2}")) {
            return m.get("settings.error.region");
        }
        return "";
    }

    private boolean changedFolder() {
        String f = dataFolder.get() == null ? "" : dataFolder.get().strip();
        return !f.equals(store.dataFolder().toString());
    }

    /** The settings as entered (the default data folder is stored as "no override"). */
    public AppSettings toSettings() {
        String f = dataFolder.get().strip();
        String override = f.equals(store.defaultFolder().toString()) ? null : f;
        return new AppSettings(graphVersion.get().strip().toLowerCase(Locale.ROOT), theme.get(),
                defaultRegion.get(), override);
    }

    public void setOnSaved(Consumer<AppSettings> onSaved) {
        this.onSaved = onSaved;
    }

    /** Validates and saves; {@code onSaved} runs on the UI thread after the file was written. Returns false when invalid. */
    public boolean save() {
        String problem = validate();
        error.set(problem);
        if (!problem.isEmpty()) {
            return false;
        }
        AppSettings s = toSettings();
        executor.submit("save settings", () -> {
            store.save(s);
            return s;
        }, onSaved, e -> error.set(errors.describe(e)));
        return true;
    }

    public AppSettings original() {
        return original;
    }

    public StringProperty graphVersionProperty() {
        return graphVersion;
    }

    public StringProperty dataFolderProperty() {
        return dataFolder;
    }

    public StringProperty themeProperty() {
        return theme;
    }

    public StringProperty defaultRegionProperty() {
        return defaultRegion;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataFolderNoteProperty() {
        return dataFolderNote.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
