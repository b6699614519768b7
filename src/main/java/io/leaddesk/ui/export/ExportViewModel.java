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

    public ExportViewModel(ExportSource source, LeadCache cache, Exporter exporter, CustomProfiles customProfiles,
                           TaskExecutor executor, Messages messages, Formats formats, Clock clock, String defaultRegion,
                           Path folder, Duration debounce) {
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
        updateChecks();
    }

    public void setDialogs(ExportRunViewModel.Dialogs d) {
        run.setDialogs(d);
    }

    /** Called after every export that wrote a file (to refresh what shows the export history). */
    public void setOnExported(Consumer<ExportResult> c) {
        run.setOnExported(c);
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
        preview.close();
        run.cancel();
    }

    /** An editor for a custom profile (see {@link ExportChoicesViewModel#profileEditor()}). */
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
