package io.leaddesk.ui.settings;

import io.leaddesk.i18n.Language;
import io.leaddesk.model.FailureKind;
import io.leaddesk.model.LeadDeskException;
import io.leaddesk.store.AppSettings;
import io.leaddesk.store.SettingsStore;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.RunState;
import io.leaddesk.ui.TaskExecutor;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings dialog: Graph API version, data folder, theme, language, default phone region. Validates, then saves in the
 * background; the dialog closes only once the file was written ({@code onSaved}), and a failed write is shown as one
 * sentence in {@link #errorProperty()} with the dialog still open.
 */
public final class SettingsViewModel {
    public static final List<String> THEMES = List.of(AppSettings.LIGHT, AppSettings.DARK);
    /** The choices of Settings > Language: "" (System default), then the languages by their tags. */
    public static final List<String> LANGUAGES = java.util.stream.Stream.concat(java.util.stream.Stream.of(Language.SYSTEM),
            java.util.Arrays.stream(Language.values()).map(Language::tag)).toList();

    private final SettingsStore store;
    private final TaskExecutor executor;
    private final Messages m;
    private final ErrorText errors;

    private final StringProperty graphVersion = new SimpleStringProperty(this, "graphVersion");
    private final StringProperty dataFolder = new SimpleStringProperty(this, "dataFolder");
    private final StringProperty theme = new SimpleStringProperty(this, "theme");
    private final StringProperty defaultRegion = new SimpleStringProperty(this, "defaultRegion");
    private final StringProperty language = new SimpleStringProperty(this, "language");
    private final ReadOnlyStringWrapper languageNote = new ReadOnlyStringWrapper(this, "languageNote", "");
    private final Locale systemLocale;
    /** The write; its error is also where a validation problem shows. */
    private final RunState saving = new RunState();
    private final ReadOnlyStringWrapper dataFolderNote = new ReadOnlyStringWrapper(this, "dataFolderNote", "");
    private final BooleanBinding valid;
    private final BooleanBinding canSave;
    private final AppSettings original;
    private Consumer<AppSettings> onSaved = s -> { };
    private UnaryOperator<AppSettings> also = UnaryOperator.identity();

    public SettingsViewModel(AppSettings current, SettingsStore store, TaskExecutor executor, Messages messages) {
        this(current, store, executor, messages, messages.locale());
    }

    /** @param systemLocale the OS locale, which the "System default" language follows */
    public SettingsViewModel(AppSettings current, SettingsStore store, TaskExecutor executor, Messages messages,
                             Locale systemLocale) {
        this.original = current;
        this.systemLocale = systemLocale;
        this.store = store;
        this.executor = executor;
        this.m = messages;
        this.errors = new ErrorText(messages);
        graphVersion.set(current.graphVersion());
        dataFolder.set(current.dataFolder() == null ? store.dataFolder().toString() : current.dataFolder());
        theme.set(current.theme());
        defaultRegion.set(current.defaultRegion());
        valid = Bindings.createBooleanBinding(() -> validate().isEmpty(), graphVersion, dataFolder, defaultRegion);
        valid.addListener((o, a, b) -> showProblem(validate()));
        canSave = valid.and(saving.runningProperty().not());
        dataFolder.addListener((o, a, b) -> dataFolderNote.set(changedFolder() ? m.get("settings.dataFolder.restart") : ""));
        language.set(LANGUAGES.contains(current.language()) ? current.language() : Language.SYSTEM);
        language.addListener((o, a, b) -> languageNote.set(languageNote(b)));
    }

    /**
     * A language change applies when LeadDesk starts again (every open view, a running sync and the export dialog keep
     * their text until then); the note saying so is written in the chosen language, which the user reads.
     */
    private String languageNote(String tag) {
        Locale chosen = Language.resolve(tag, systemLocale);
        if (chosen.equals(m.locale())) {
            return "";
        }
        return Messages.load(chosen).get("settings.language.restart");
    }

    /** The name of a {@link #LANGUAGES} choice as the list shows it: its own name, or "System default". */
    public String languageName(String tag) {
        return Language.ofTag(tag).map(Language::nativeName).orElseGet(() -> m.get("settings.language.system"));
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
        AppSettings s = new AppSettings(graphVersion.get().strip().toLowerCase(Locale.ROOT), theme.get(),
                defaultRegion.get(), override, language.get() == null ? Language.SYSTEM : language.get())
                .withWorkspacesOf(original); // the workspaces' live settings are edited by their own section
        return also.apply(s);
    }

    /** Issue 14: what other parts of the dialog change (the open workspace's "Check for new leads"). */
    public void setAlso(UnaryOperator<AppSettings> change) {
        this.also = change == null ? UnaryOperator.identity() : change;
    }

    public void setOnSaved(Consumer<AppSettings> onSaved) {
        this.onSaved = onSaved;
    }

    private void showProblem(String problem) {
        if (problem.isEmpty()) {
            saving.clearError();
        } else {
            saving.fail(problem);
        }
    }

    /**
     * Validates and starts the write in the background. {@code onSaved} runs on the UI thread only after the file was
     * written; when the write fails, {@link #errorProperty()} says so. Returns false when nothing was started (invalid
     * entries, or a write still running).
     */
    public boolean save() {
        if (saving.isRunning()) {
            return false;
        }
        String problem = validate();
        showProblem(problem);
        if (!problem.isEmpty()) {
            return false;
        }
        AppSettings s = toSettings();
        saving.begin(m.get("settings.saving"));
        executor.submit("save settings", () -> {
            store.save(s);
            return s;
        }, saved -> {
            saving.finish("");
            onSaved.accept(saved);
        }, e -> saving.fail(describe(e, s)));
        return true;
    }

    /** A file that cannot be written is said with the folder the settings were meant for; the rest as usual. */
    private String describe(Throwable e, AppSettings s) {
        boolean storage = e instanceof LeadDeskException d && d.failureKind() == FailureKind.STORAGE;
        String folder = s.dataFolder() == null ? store.defaultFolder().toString() : s.dataFolder();
        return storage ? m.format("settings.error.save", folder) : errors.describe(e);
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

    /** What to fix, or why the last save failed; "" when nothing is wrong. */
    public ReadOnlyStringProperty errorProperty() {
        return saving.errorProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.runningProperty();
    }

    /** Whether Save can be clicked: valid entries and no write running. */
    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** The language's tag, "" for System default ({@link #LANGUAGES}). */
    public StringProperty languageProperty() {
        return language;
    }

    /** "" while the language in use is chosen, else that the new one applies after a restart (in the new language). */
    public ReadOnlyStringProperty languageNoteProperty() {
        return languageNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataFolderNoteProperty() {
        return dataFolderNote.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
