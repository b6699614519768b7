package io.leaddesk.ui.export;

import io.leaddesk.export.CustomProfile;
import io.leaddesk.export.CustomProfiles;
import io.leaddesk.export.ExportOptions;
import io.leaddesk.export.ExportResult;
import io.leaddesk.export.ExportSource;
import io.leaddesk.export.Exporter;
import io.leaddesk.model.LeadDeskException;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.StoredForm;
import io.leaddesk.store.StoredPage;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.LeadCache;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.TaskExecutor;
import io.leaddesk.ui.UiState;
import io.leaddesk.ui.UiStateStore;
import io.leaddesk.export.BuiltInProfile;
import io.leaddesk.export.ExportProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Export dialog, composed of four parts: {@link #choices()} (which leads, which profile), {@link #format()} (how the
 * file is written), {@link #preview()} (the first rows, refreshed in the background whenever an option changes) and
 * {@link #run()} (target, progress, cancel, outcome). This class loads what the dialog offers, checks the options as a
 * whole, turns them into {@link ExportOptions} and says when Export can start. The one {@link Exporter} does the work.
 */
public final class ExportViewModel {

    private record Loaded(List<StoredPage> pages, List<StoredForm> forms, List<CustomProfile> custom, String profileError) { }

    private final LeadCache cache;
    private final CustomProfiles customProfiles;
    private final TaskExecutor executor;
    private final Messages m;
    private final ErrorText errors;
    private final Formats formats;
    private final ExportChoicesViewModel choices;
    private final ExportFormatViewModel format;
    private final ExportPreviewViewModel preview;
    private final ExportRunViewModel run;

    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final BooleanBinding canExport;
    private final UiStateStore memory;
    private final String workspaceKey;
    private final String today;
    private boolean restoring;

    public ExportViewModel(ExportSource source, LeadCache cache, Exporter exporter, CustomProfiles customProfiles,
                           TaskExecutor executor, Messages messages, Formats formats, Clock clock, String defaultRegion,
                           Path folder, Duration debounce) {
        this(source, cache, exporter, customProfiles, executor, messages, formats, clock, defaultRegion, folder, debounce,
                UiStateStore.inMemory(executor), "main");
    }

    /**
     * @param memory       where the dialog's last choices are remembered (profile, separator, encoding with or without
     *                     BOM, folder, file name pattern)
     * @param workspaceKey whose choices they are ({@link io.leaddesk.ui.Workspace#memoryKey()}): the demo's stay apart
     */
    public ExportViewModel(ExportSource source, LeadCache cache, Exporter exporter, CustomProfiles customProfiles,
                           TaskExecutor executor, Messages messages, Formats formats, Clock clock, String defaultRegion,
                           Path folder, Duration debounce, UiStateStore memory, String workspaceKey) {
        this.memory = memory;
        this.workspaceKey = workspaceKey;
        this.today = LocalDate.now(clock).toString();
        this.cache = cache;
        this.customProfiles = customProfiles;
        this.executor = executor;
        this.m = messages;
        this.errors = new ErrorText(messages);
        this.formats = formats;
        this.choices = new ExportChoicesViewModel(customProfiles, executor, messages);
        this.format = new ExportFormatViewModel(messages, defaultRegion);
        this.preview = new ExportPreviewViewModel(source, exporter, executor, messages, debounce, this::previewRequest);
        this.run = new ExportRunViewModel(source, exporter, executor, messages, formats,
                folder.resolve("leads-" + LocalDate.now(clock) + ".csv"));
        run.setAfterExport(() -> {
            if (choices.newOnlyProperty().get()) {
                preview.refresh();
            }
        });
        canExport = Bindings.createBooleanBinding(() -> choices.loadedProperty().get() && !run.runningProperty().get()
                        && problem.get().isEmpty() && choices.anyFormSelected() && !run.targetProperty().get().isBlank(),
                choices.loadedProperty(), run.runningProperty(), problem, choices.forms(), run.targetProperty());
        choices.setOnChanged(this::optionsChanged);
        format.setOnChanged(this::optionsChanged);
        format.fileFormatProperty().addListener((o, was, f) ->
                run.useExtension(f == io.leaddesk.export.ExportFormat.XLSX ? ".xlsx" : ".csv"));
        // CRM profiles write phones in E.164 unless the user unticks it; the Meta-compatible one keeps them as typed
        choices.profileProperty().addListener((o, a, p) -> {
            if (!restoring && p != null) {
                // a custom profile writes the columns it lists, no extra phone_e164 unless the user ticks it
                format.e164Property().set(p instanceof BuiltInProfile b && b.e164ByDefault());
            }
        });
        run.setOnExported(r -> rememberChoices());
        updateChecks();
    }

    /** Puts back the choices remembered for this workspace (after the profiles are loaded: a custom one may be it). */
    private void restoreChoices() {
        UiState.ExportChoices c = memory.get().export(workspaceKey);
        if (c == null) {
            return;
        }
        restoring = true;
        try {
            if (c.profile() != null) {
                for (ExportProfile p : choices.profiles()) {
                    if (p.name().equals(c.profile())) {
                        choices.profileProperty().set(p);
                        if (p instanceof BuiltInProfile b) {
                            format.e164Property().set(b.e164ByDefault());
                        }
                    }
                }
            }
            enumValue(ExportFormatViewModel.Separator.class, c.separator(), format.separatorProperty()::set);
            enumValue(ExportFormatViewModel.Encoding.class, c.encoding(), format.encodingProperty()::set);
            if (c.folder() != null && c.fileName() != null && !c.fileName().isBlank()) {
                try {
                    Path dir = Path.of(c.folder());
                    if (java.nio.file.Files.isDirectory(dir)) {
                        run.targetProperty().set(formats.paths().show(dir.resolve(c.fileName().replace(DATE, today))));
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // a folder this computer cannot name: the default target stays
                }
            }
        } finally {
            restoring = false;
        }
    }

    private static <E extends Enum<E>> void enumValue(Class<E> type, String name, Consumer<E> set) {
        if (name != null) {
            try {
                set.accept(Enum.valueOf(type, name));
            } catch (IllegalArgumentException e) {
                // a choice this version does not offer: the default stays
            }
        }
    }

    /** In a remembered file name, the day the file is written. */
    static final String DATE = "{date}";

    /** Remembers the current choices for the next time the dialog opens in this workspace. */
    private void rememberChoices() {
        if (!choices.loadedProperty().get()) {
            return;
        }
        String folder = null;
        String name = null;
        try {
            Path t = run.targetFile();
            if (t == null) {
                throw new java.nio.file.InvalidPathException(run.targetProperty().get(), "no path");
            }
            if (t.getParent() != null && t.getFileName() != null) {
                folder = t.getParent().toString();
                name = t.getFileName().toString().replace(today, DATE);
            }
        } catch (java.nio.file.InvalidPathException e) {
            // not a path: the folder and name are not remembered
        }
        ExportProfile p = choices.profileProperty().get();
        UiState.ExportChoices c = new UiState.ExportChoices(p == null ? null : p.name(),
                format.separatorProperty().get() == null ? null : format.separatorProperty().get().name(),
                format.encodingProperty().get() == null ? null : format.encodingProperty().get().name(), folder, name);
        memory.update(s -> s.withExport(workspaceKey, c));
    }

    public void setDialogs(ExportRunViewModel.Dialogs d) {
        run.setDialogs(d);
    }

    /** Called after every export that wrote a file (to refresh what shows the export history). */
    public void setOnExported(Consumer<ExportResult> c) {
        run.setOnExported(r -> {
            rememberChoices();
            c.accept(r);
        });
    }

    /**
     * Loads the forms and the saved custom profiles (background), ticks the forms of the workspace's selection
     * (a form, a page's forms, or every form when both sets are empty), then shows the preview.
     */
    public void open(Set<String> pageIds, Set<String> formIds) {
        executor.submit("export: forms", () -> {
            List<CustomProfile> custom = List.of();
            String profileError = "";
            try {
                custom = customProfiles.list();
            } catch (LeadDeskException e) {
                profileError = errors.describe(e);
            }
            return new Loaded(cache.pages(), cache.forms(List.of()), custom, profileError);
        }, l -> {
            choices.load(l.pages(), l.forms(), l.custom(), pageIds, formIds);
            restoreChoices();
            if (!l.profileError().isEmpty()) {
                run.show(ExportRunViewModel.MessageKind.WARNING, l.profileError());
            }
            optionsChanged();
        }, e -> run.show(ExportRunViewModel.MessageKind.ERROR, errors.describe(e)));
    }

    private void optionsChanged() {
        updateChecks();
        if (choices.loadedProperty().get()) {
            preview.refreshSoon();
        }
    }

    private void updateChecks() {
        String p = choices.problem();
        problem.set(p.isEmpty() ? format.problem() : p);
        warning.set(String.join("\n", Exporter.warnings(baseOptions())));
    }

    private ExportOptions baseOptions() {
        return format.applyTo(choices.applyTo(ExportOptions.defaults()), formats.zone(), problem.get().isEmpty());
    }

    private ExportPreviewViewModel.Request previewRequest() {
        if (choices.forms().isEmpty()) {
            return ExportPreviewViewModel.Request.blocked(m.get("export.preview.noFormsCached"), true);
        }
        if (!choices.anyFormSelected()) {
            return ExportPreviewViewModel.Request.blocked(m.get("export.preview.noForms"), true);
        }
        if (!problem.get().isEmpty()) {
            return ExportPreviewViewModel.Request.blocked(problem.get(), false);
        }
        return ExportPreviewViewModel.Request.of(options());
    }

    /** The query the current choices stand for. */
    public LeadQuery query() {
        return choices.query(formats.zone());
    }

    /** The options the current choices stand for (never with overwrite). */
    public ExportOptions options() {
        return baseOptions().withQuery(query());
    }

    /** Reads the preview again now (background); a newer refresh wins over an older one. */
    public void refreshPreview() {
        preview.refresh();
    }

    /** Starts the export when the choices allow it. */
    public void export() {
        if (canExport.get()) {
            run.export(options());
        }
    }

    /** Stops a running export: nothing is written under the chosen name. */
    public void cancel() {
        run.cancel();
    }

    /** The dialog closes: stop the preview and any export. */
    public void close() {
        rememberChoices();
        preview.close();
        run.cancel();
    }

    /** An editor for a custom profile (see {@link ExportChoicesViewModel#profileEditor()}). */
    /**
     * The "local time" checkbox: the computer's time zone by the name people know it by in the app's language
     * ("Eastern European Time", "за східноєвропейським часом"...), not its id ("Europe/Kyiv").
     */
    public String localTimeText() {
        return m.format("export.localTime", formats.zoneName());
    }

    /** Whether "local time" means anything here: not on a computer whose time zone is UTC itself. */
    public boolean localTimeDiffers() {
        java.time.zone.ZoneRules r = formats.zone().getRules();
        return !r.isFixedOffset() || r.getOffset(java.time.Instant.EPOCH).getTotalSeconds() != 0;
    }

    public ProfileEditorViewModel profileEditor() {
        return choices.profileEditor();
    }

    public ExportChoicesViewModel choices() {
        return choices;
    }

    public ExportFormatViewModel format() {
        return format;
    }

    public ExportPreviewViewModel preview() {
        return preview;
    }

    public ExportRunViewModel run() {
        return run;
    }

    /** Warnings for the current options (formula guard off...), one per line; empty when none. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** Why the current options cannot be exported (dates reversed, unknown region); empty when they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }
}
