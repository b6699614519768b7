package io.leaddesk.ui.export;

import io.leaddesk.export.BuiltInProfile;
import io.leaddesk.export.ColumnSources;
import io.leaddesk.export.CustomProfile;
import io.leaddesk.export.CustomProfiles;
import io.leaddesk.export.ExportColumn;
import io.leaddesk.export.ExportException;
import io.leaddesk.export.ExportOptions;
import io.leaddesk.export.ExportProfile;
import io.leaddesk.export.ExportProgress;
import io.leaddesk.export.ExportResult;
import io.leaddesk.export.ExportSource;
import io.leaddesk.export.Exporter;
import io.leaddesk.export.FormSchema;
import io.leaddesk.export.PhoneNormalizer;
import io.leaddesk.model.LeadForm;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.store.StoredForm;
import io.leaddesk.store.StoredPage;
import io.leaddesk.ui.Cancellable;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.LeadCache;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.TaskExecutor;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Export dialog: which leads (forms, created_time range, review statuses, only not exported before), how
 * (profile, encoding, separator, dedupe, formula guard, E.164, local time), where (target file), a preview of the first
 * rows with the real columns (refreshed in the background, debounced, whenever an option changes), and the export
 * itself: on a worker, with progress, cancellable, asking before it replaces a file. The one {@link Exporter} does the
 * work; this class only turns choices into {@link ExportOptions} and results into sentences.
 */
public final class ExportViewModel {

    public static final int PREVIEW_ROWS = 20;

    /** File encodings offered. */
    public enum Encoding {
        UTF8(StandardCharsets.UTF_8, false),
        /** UTF-8 with a byte order mark: Excel then reads the file as UTF-8. */
        UTF8_EXCEL(StandardCharsets.UTF_8, true),
        WINDOWS_1251(Charset.forName("windows-1251"), false);

        private final Charset charset;
        private final boolean bom;

        Encoding(Charset charset, boolean bom) {
            this.charset = charset;
            this.bom = bom;
        }

        public Charset charset() {
            return charset;
        }

        public boolean bom() {
            return bom;
        }
    }

    /** Column separators offered. */
    public enum Separator {
        COMMA(','), SEMICOLON(';'), TAB('\t');

        private final char c;

        Separator(char c) {
            this.c = c;
        }

        public char character() {
            return c;
        }
    }

    public enum MessageKind { NONE, INFO, SUCCESS, WARNING, ERROR }

    /** What the dialog asks the user; the View implements it with a real dialog, tests with a stub. */
    public interface Dialogs {
        /** Whether {@code file}, which exists, may be replaced. */
        boolean confirmReplace(Path file);
    }

    /** A form to tick. */
    public static final class FormChoice {
        private final StoredForm form;
        private final String pageName;
        private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

        FormChoice(StoredForm form, String pageName) {
            this.form = form;
            this.pageName = pageName;
        }

        public String id() {
            return form.id();
        }

        public String pageId() {
            return form.pageId();
        }

        public String name() {
            return form.form().name();
        }

        public String pageName() {
            return pageName;
        }

        public long cachedLeads() {
            return form.cachedLeads();
        }

        LeadForm form() {
            return form.form();
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }
    }

    /** A review status to tick (none ticked = any status). */
    public static final class StatusChoice {
        private final ReviewStatus status;
        private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

        StatusChoice(ReviewStatus status) {
            this.status = status;
        }

        public ReviewStatus status() {
            return status;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }
    }

    private record Loaded(List<StoredPage> pages, List<StoredForm> forms, List<CustomProfile> custom, String profileError) { }

    private record Preview(List<List<String>> rows, long matching) { }

    private final ExportSource source;
    private final LeadCache cache;
    private final Exporter exporter;
    private final CustomProfiles customProfiles;
    private final TaskExecutor executor;
    private final Messages m;
    private final ErrorText errors;
    private final Formats formats;
    private final Duration debounce;

    private final ObservableList<FormChoice> forms = FXCollections.observableArrayList(f -> new Observable[] {f.selectedProperty()});
    private final ObservableList<StatusChoice> statuses = FXCollections.observableArrayList(s -> new Observable[] {s.selectedProperty()});
    private final ObjectProperty<LocalDate> dateFrom = new SimpleObjectProperty<>(this, "dateFrom");
    private final ObjectProperty<LocalDate> dateUntil = new SimpleObjectProperty<>(this, "dateUntil");
    private final BooleanProperty newOnly = new SimpleBooleanProperty(this, "newOnly");
    private final ObservableList<ExportProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ExportProfile> profile = new SimpleObjectProperty<>(this, "profile", BuiltInProfile.META);
    private final ObjectProperty<Encoding> encoding = new SimpleObjectProperty<>(this, "encoding", Encoding.UTF8_EXCEL);
    private final ObjectProperty<Separator> separator = new SimpleObjectProperty<>(this, "separator", Separator.COMMA);
    private final BooleanProperty dedupe = new SimpleBooleanProperty(this, "dedupe");
    private final BooleanProperty formulaGuard = new SimpleBooleanProperty(this, "formulaGuard", true);
    private final BooleanProperty e164 = new SimpleBooleanProperty(this, "e164");
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final BooleanProperty localTime = new SimpleBooleanProperty(this, "localTime");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");

    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<List<String>> previewHeader = new ReadOnlyObjectWrapper<>(this, "previewHeader", List.of());
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper previewText = new ReadOnlyStringWrapper(this, "previewText", "");
    private final ReadOnlyBooleanWrapper previewLoading = new ReadOnlyBooleanWrapper(this, "previewLoading");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(this, "messageKind", MessageKind.NONE);
    private final ReadOnlyObjectWrapper<ExportResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final BooleanBinding canExport;

    private Dialogs dialogs = f -> false;
    private Consumer<ExportResult> onExported = r -> { };
    private Cancellable previewTimer = Cancellable.NONE;
    private Cancellable previewTask = Cancellable.NONE;
    private int previewGeneration;
    private AtomicBoolean cancelFlag = new AtomicBoolean();
    private boolean applying;

    public ExportViewModel(ExportSource source, LeadCache cache, Exporter exporter, CustomProfiles customProfiles,
                           TaskExecutor executor, Messages messages, Formats formats, Clock clock, String defaultRegion,
                           Path folder, Duration debounce) {
        this.source = source;
        this.cache = cache;
        this.exporter = exporter;
        this.customProfiles = customProfiles;
        this.executor = executor;
        this.m = messages;
        this.errors = new ErrorText(messages);
        this.formats = formats;
        this.debounce = debounce;
        region.set(defaultRegion == null ? "" : defaultRegion);
        target.set(folder.resolve("leads-" + LocalDate.now(clock) + ".csv").toString());
        for (ReviewStatus s : ReviewStatus.values()) {
            statuses.add(new StatusChoice(s));
        }
        profiles.setAll(BuiltInProfile.values());

        canExport = Bindings.createBooleanBinding(() -> loaded.get() && !running.get() && problem.get().isEmpty()
                        && forms.stream().anyMatch(f -> f.selectedProperty().get()) && !target.get().isBlank(),
                loaded, running, problem, forms, target);

        Observable[] options = {forms, statuses, dateFrom, dateUntil, newOnly, profile, encoding, separator, dedupe, formulaGuard,
                e164, region, localTime};
        for (Observable o : options) {
            o.addListener(x -> optionsChanged());
        }
        updateChecks();
    }

    public void setDialogs(Dialogs d) {
        this.dialogs = d;
    }

    /** Called after every export that wrote a file (to refresh what shows the export history). */
    public void setOnExported(Consumer<ExportResult> c) {
        this.onExported = c;
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
            } catch (ExportException e) {
                profileError = e.getMessage();
            }
            return new Loaded(cache.pages(), cache.forms(List.of()), custom, profileError);
        }, l -> {
            Map<String, String> pageNames = new HashMap<>();
            l.pages().forEach(p -> pageNames.put(p.id(), p.name()));
            List<FormChoice> choices = new ArrayList<>();
            boolean all = pageIds.isEmpty() && formIds.isEmpty();
            for (StoredForm f : l.forms()) {
                FormChoice c = new FormChoice(f, pageNames.getOrDefault(f.pageId(), f.pageId()));
                c.selectedProperty().set(all || formIds.contains(f.id()) || pageIds.contains(f.pageId()));
                choices.add(c);
            }
            applying = true;
            try {
                forms.setAll(choices);
                setCustomProfiles(l.custom(), null);
            } finally {
                applying = false;
            }
            loaded.set(true);
            if (!l.profileError().isEmpty()) {
                show(MessageKind.WARNING, l.profileError());
            }
            optionsChanged();
        }, e -> show(MessageKind.ERROR, errors.describe(e)));
    }

    private void setCustomProfiles(List<CustomProfile> custom, ExportProfile select) {
        ExportProfile current = select != null ? select : profile.get();
        List<ExportProfile> all = new ArrayList<>(List.of(BuiltInProfile.values()));
        all.addAll(custom);
        profiles.setAll(all);
        ExportProfile keep = BuiltInProfile.META;
        for (ExportProfile p : all) {
            if (current != null && p.name().equalsIgnoreCase(current.name())) {
                keep = p;
            }
        }
        profile.set(keep);
    }

    public void selectAllForms(boolean on) {
        applying = true;
        try {
            forms.forEach(f -> f.selectedProperty().set(on));
        } finally {
            applying = false;
        }
        optionsChanged();
    }

    // ---- options -----------------------------------------------------------------------------------

    private void optionsChanged() {
        updateChecks();
        if (!applying && loaded.get()) {
            previewTimer.cancel();
            previewTimer = executor.schedule(debounce, this::refreshPreview);
        }
    }

    private void updateChecks() {
        List<String> w = new ArrayList<>(Exporter.warnings(baseOptions()));
        warning.set(String.join("\n", w));
        String p = "";
        LocalDate from = dateFrom.get();
        LocalDate until = dateUntil.get();
        if (from != null && until != null && from.isAfter(until)) {
            p = m.get("export.problem.dates");
        } else if (e164.get() && !region.get().isBlank()) {
            try {
                new PhoneNormalizer(region.get());
            } catch (IllegalArgumentException e) {
                p = m.get("export.problem.region");
            }
        }
        problem.set(p);
    }

    private List<String> selectedFormIds() {
        return forms.stream().filter(f -> f.selectedProperty().get()).map(FormChoice::id).toList();
    }

    /** The query the current choices stand for. */
    public LeadQuery query() {
        LeadQuery q = LeadQuery.all().withForms(selectedFormIds());
        Long from = dateFrom.get() == null ? null : dateFrom.get().atStartOfDay(formats.zone()).toEpochSecond();
        Long until = dateUntil.get() == null ? null : dateUntil.get().plusDays(1).atStartOfDay(formats.zone()).toEpochSecond();
        List<ReviewStatus> st = statuses.stream().filter(s -> s.selectedProperty().get()).map(StatusChoice::status).toList();
        return q.withCreated(from, until).withStatuses(st).withNotExportedBefore(newOnly.get());
    }

    private ExportOptions baseOptions() {
        Encoding enc = encoding.get() == null ? Encoding.UTF8 : encoding.get();
        Separator sep = separator.get() == null ? Separator.COMMA : separator.get();
        return ExportOptions.defaults()
                .withProfile(profile.get())
                .withCharset(enc.charset())
                .withBom(enc.bom())
                .withDelimiter(sep.character())
                .withFormulaGuard(formulaGuard.get())
                .withDedupe(dedupe.get())
                .withTimeZone(localTime.get() ? formats.zone() : null)
                .withE164(e164.get(), e164.get() && problem.get().isEmpty() ? region.get() : null);
    }

    /** The options the current choices stand for (never with overwrite). */
    public ExportOptions options() {
        return baseOptions().withQuery(query());
    }

    // ---- preview ------------------------------------------------------------------------------------

    /** Reads the header and the first rows again (background); a newer refresh wins over an older one. */
    public void refreshPreview() {
        previewTimer.cancel();
        previewTask.cancel();
        int gen = ++previewGeneration;
        if (selectedFormIds().isEmpty()) {
            previewLoading.set(false);
            previewHeader.set(List.of());
            previewRows.clear();
            previewText.set(m.get("export.preview.noForms"));
            return;
        }
        if (!problem.get().isEmpty()) {
            previewLoading.set(false);
            previewText.set(problem.get());
            return;
        }
        ExportOptions o = options();
        previewLoading.set(true);
        previewText.set(m.get("export.preview.loading"));
        // a newer refresh cancels this one: its result would be dropped anyway, and on a big cache the preview reads
        // every lead (Meta columns, dedupe), which must not go on in the background
        AtomicBoolean stop = new AtomicBoolean();
        Cancellable task = executor.submit("export preview", () -> new Preview(exporter.preview(source, o, PREVIEW_ROWS,
                stop::get), source.countLeads(o.query())), p -> {
            if (gen != previewGeneration) {
                return;
            }
            previewLoading.set(false);
            previewHeader.set(p.rows().isEmpty() ? List.of() : p.rows().get(0));
            previewRows.setAll(p.rows().subList(Math.min(1, p.rows().size()), p.rows().size()));
            previewText.set(p.matching() == 0 ? m.get("export.preview.none")
                    : m.format("export.preview.count", p.matching(), previewRows.size()));
        }, e -> {
            if (gen != previewGeneration) {
                return;
            }
            previewLoading.set(false);
            previewHeader.set(List.of());
            previewRows.clear();
            previewText.set(describe(e));
        });
        previewTask = () -> {
            stop.set(true);
            task.cancel();
        };
    }

    // ---- export -------------------------------------------------------------------------------------

    /** The target as a path, or null when the text is not one. */
    private Path targetPath() {
        try {
            String t = target.get().strip();
            return t.isEmpty() ? null : Path.of(t).toAbsolutePath();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Sets the file chosen in the View's file chooser. */
    public void setTarget(Path file) {
        if (file != null) {
            String name = file.getFileName().toString();
            target.set((name.contains(".") ? file : file.resolveSibling(name + ".csv")).toString());
        }
    }

    /** Starts the export: asks before replacing an existing file, then writes on a worker with progress. */
    public void export() {
        if (!canExport.get()) {
            return;
        }
        Path file = targetPath();
        if (file == null) {
            show(MessageKind.ERROR, m.get("export.problem.target"));
            return;
        }
        ExportOptions o = options();
        running.set(true);
        cancelling.set(false);
        progress.set(-1);
        progressText.set(m.get("export.progress.starting"));
        show(MessageKind.NONE, "");
        executor.submit("export: check target", () -> Files.exists(file), exists -> {
            if (exists && !dialogs.confirmReplace(file)) {
                running.set(false);
                progress.set(0);
                progressText.set("");
                show(MessageKind.INFO, m.format("export.notReplaced", file.getFileName()));
                return;
            }
            start(o.withOverwrite(exists), file);
        }, e -> failed(e));
    }

    private void start(ExportOptions o, Path file) {
        AtomicBoolean cancel = new AtomicBoolean();
        cancelFlag = cancel;
        executor.submit("export", () -> exporter.export(source, o, file, p -> executor.onUi(() -> onProgress(p)), cancel::get),
                this::finished, this::failed);
    }

    private void onProgress(ExportProgress p) {
        if (!running.get()) {
            return;
        }
        progress.set(p.fraction());
        if (!cancelling.get()) {
            progressText.set(p.phase() == ExportProgress.Phase.SCANNING
                    ? m.format("export.progress.scanning", formats.count(p.done()), formats.count(p.total()))
                    : m.format("export.progress.writing", formats.count(p.done()), formats.count(p.total())));
        }
    }

    private void finished(ExportResult r) {
        running.set(false);
        cancelling.set(false);
        progress.set(0);
        progressText.set("");
        result.set(r);
        if (r.cancelled()) {
            show(MessageKind.WARNING, m.format("export.cancelled", r.file().getFileName()));
            return;
        }
        StringBuilder sb = new StringBuilder(m.format("export.done", r.rowsWritten(), r.leadsCovered(), r.file().toString()));
        for (String w : r.warnings()) {
            sb.append('\n').append(w);
        }
        show(r.warnings().isEmpty() ? MessageKind.SUCCESS : MessageKind.WARNING, sb.toString());
        onExported.accept(r);
        if (newOnly.get()) {
            refreshPreview();
        }
    }

    private void failed(Throwable e) {
        running.set(false);
        cancelling.set(false);
        progress.set(0);
        progressText.set("");
        show(MessageKind.ERROR, describe(e));
    }

    private String describe(Throwable e) {
        Throwable t = e;
        while (t != null && !(t instanceof ExportException)) {
            t = t.getCause();
        }
        return t != null ? t.getMessage() : errors.describe(e);
    }

    /** Stops a running export: nothing is written under the chosen name. */
    public void cancel() {
        if (running.get() && !cancelling.get()) {
            cancelFlag.set(true);
            cancelling.set(true);
            progressText.set(m.get("export.progress.cancelling"));
        }
    }

    /** The dialog closes: stop the preview and any export. */
    public void close() {
        previewTimer.cancel();
        previewTask.cancel();
        cancel();
    }

    private void show(MessageKind kind, String text) {
        messageKind.set(kind);
        message.set(text);
    }

    // ---- custom profiles -------------------------------------------------------------------------

    /**
     * An editor for a custom profile: the current custom profile, or a new one starting from the current built-in
     * profile's columns. The column sources offered include the questions and disclaimer checkboxes of the ticked forms.
     */
    public ProfileEditorViewModel profileEditor() {
        List<LeadForm> chosen = forms.stream().filter(f -> f.selectedProperty().get()).map(FormChoice::form).toList();
        FormSchema schema = FormSchema.of(chosen.isEmpty() ? forms.stream().map(FormChoice::form).toList() : chosen);
        Set<String> sources = new LinkedHashSet<>(ColumnSources.STANDARD);
        schema.questionKeys().forEach(k -> sources.add(ColumnSources.FIELD + k));
        schema.disclaimerKeys().forEach(k -> sources.add(ColumnSources.DISCLAIMER + k));
        sources.add(ColumnSources.TYPE + "COMPANY_NAME");
        sources.add(ColumnSources.TYPE + "JOB_TITLE");
        sources.add(ColumnSources.TYPE + "CITY");
        List<CustomProfile.CustomColumn> start = new ArrayList<>();
        String name = "";
        ExportProfile p = profile.get();
        if (p instanceof CustomProfile c) {
            start.addAll(c.columns());
            name = c.name();
        } else if (p != null) {
            for (ExportColumn col : p.columns(schema, ExportOptions.defaults())) {
                if (col.source() != null && ColumnSources.isValid(col.source())) {
                    start.add(new CustomProfile.CustomColumn(col.source(), col.header()));
                }
            }
        }
        ProfileEditorViewModel editor = new ProfileEditorViewModel(customProfiles, executor, m, List.copyOf(sources), name, start);
        editor.setOnChanged((saved, all) -> setCustomProfiles(all, saved == null ? BuiltInProfile.META : saved));
        return editor;
    }

    // ---- properties -------------------------------------------------------------------------------

    public ObservableList<FormChoice> forms() {
        return forms;
    }

    public ObservableList<StatusChoice> statuses() {
        return statuses;
    }

    public ObjectProperty<LocalDate> dateFromProperty() {
        return dateFrom;
    }

    public ObjectProperty<LocalDate> dateUntilProperty() {
        return dateUntil;
    }

    public BooleanProperty newOnlyProperty() {
        return newOnly;
    }

    public ObservableList<ExportProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ExportProfile> profileProperty() {
        return profile;
    }

    public ObjectProperty<Encoding> encodingProperty() {
        return encoding;
    }

    public ObjectProperty<Separator> separatorProperty() {
        return separator;
    }

    public BooleanProperty dedupeProperty() {
        return dedupe;
    }

    public BooleanProperty formulaGuardProperty() {
        return formulaGuard;
    }

    public BooleanProperty e164Property() {
        return e164;
    }

    /** Default region for phone numbers without a country code (from the settings; may be changed for this export). */
    public StringProperty regionProperty() {
        return region;
    }

    public BooleanProperty localTimeProperty() {
        return localTime;
    }

    public StringProperty targetProperty() {
        return target;
    }

    /** Warnings for the current options (formula guard off...), one per line; empty when none. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** Why the current options cannot be exported (dates reversed, unknown region); empty when they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> previewHeaderProperty() {
        return previewHeader.getReadOnlyProperty();
    }

    public ObservableList<List<String>> previewRows() {
        return previewRows;
    }

    public ReadOnlyStringProperty previewTextProperty() {
        return previewText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty previewLoadingProperty() {
        return previewLoading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** 0..1, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ExportResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }
}
