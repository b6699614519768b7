package io.leaddesk.ui.imports;

import io.leaddesk.imports.ImportListener;
import io.leaddesk.imports.ImportOptions;
import io.leaddesk.imports.ImportPreview;
import io.leaddesk.imports.ImportProgress;
import io.leaddesk.imports.ImportResult;
import io.leaddesk.store.StoredForm;
import io.leaddesk.ui.Cancellable;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.RunState;
import io.leaddesk.ui.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Import Meta download…": the files chosen or dropped are read first (a preview per file: form, counts, columns,
 * malformed rows; nothing written), a file that names no form asks which one; Import then writes the files one by one,
 * each in one transaction, with progress and Cancel (the file being written is left out entirely); the summary says what
 * came in and the workspace refreshes. The reading and writing run off the UI thread through {@link TaskExecutor}.
 */
public final class ImportViewModel {

    public enum Step { PREVIEW, IMPORTING, DONE }

    private final ImportBackend backend;
    private final TaskExecutor executor;
    private final Messages m;
    private final ErrorText errors;

    private final ObservableList<ImportFileViewModel> files = FXCollections.observableArrayList();
    private final RunState run = new RunState();
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.PREVIEW);
    private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper(this, "canImport");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    /** The reading under way per file (a newer preview of the same file cancels the older one). */
    private final Map<ImportFileViewModel, AtomicBoolean> reading = new HashMap<>();
    private final List<Cancellable> tasks = new ArrayList<>();
    private List<FormOption> formOptions;
    private AtomicBoolean importCancel;
    private boolean closed;
    private Runnable onImported = () -> { };

    public ImportViewModel(ImportBackend backend, TaskExecutor executor, Messages messages) {
        this.backend = backend;
        this.executor = executor;
        this.m = messages;
        this.errors = new ErrorText(messages);
    }

    /**
     * What of a drop (or a chooser's answer) can be imported: the files themselves, each once, in the order given;
     * folders and things that are gone are left out. Empty: the drop is refused.
     */
    public static List<Path> filesToImport(List<Path> dropped) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : dropped == null ? List.<Path>of() : dropped) {
            if (p != null && Files.isRegularFile(p)) {
                out.add(p.toAbsolutePath().normalize());
            }
        }
        return List.copyOf(out);
    }

    /** Called once files were imported (the workspace reloads its tree and table). */
    public void setOnImported(Runnable r) {
        this.onImported = r == null ? () -> { } : r;
    }

    /** Reads these files (in the background) to preview them; nothing is written. */
    public void open(List<Path> paths) {
        files.clear();
        summary.set("");
        run.clearError();
        step.set(Step.PREVIEW);
        List<ImportFileViewModel> list = new ArrayList<>();
        for (Path p : paths) {
            ImportFileViewModel f = new ImportFileViewModel(p, m);
            f.chosenFormProperty().addListener((o, a, b) -> {
                if (b != null && !b.newForm() && step.get() == Step.PREVIEW) {
                    preview(f, ImportOptions.defaults().withForm(b.formId()), null);
                }
            });
            f.setOnNewForm(() -> {
                if (step.get() == Step.PREVIEW) {
                    preview(f, ImportOptions.defaults().withNewForm(f.newFormIdValue(), f.newFormNameProperty().get()), null);
                }
            });
            list.add(f);
        }
        files.setAll(list);
        update();
        previewInTurn(list.iterator());
    }

    /** One file after the other: reading several large files at once would only make each slower. */
    private void previewInTurn(Iterator<ImportFileViewModel> it) {
        if (it.hasNext() && !closed) {
            preview(it.next(), ImportOptions.defaults(), () -> previewInTurn(it));
        }
    }

    private void preview(ImportFileViewModel f, ImportOptions options, Runnable then) {
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicBoolean before = reading.put(f, cancel);
        if (before != null) {
            before.set(true);
        } else if (reading.size() == 1) {
            run.begin(m.format("import.status.reading", f.fileName(), 0));
        }
        f.reading();
        update();
        ImportListener listener = p -> executor.onUi(() -> {
            if (reading.get(f) == cancel) {
                run.progress(p.fraction(), m.format("import.status.reading", f.fileName(), p.rows()));
            }
        });
        tasks.add(executor.submit("import preview", () -> {
            ImportPreview p = backend.preview(f.file(), options, listener, cancel::get);
            List<FormOption> choices = p.state() == ImportPreview.State.NEEDS_FORM && formOptions == null
                    ? options(backend.forms()) : null;
            return new Previewed(p, choices);
        }, r -> {
            if (done(f, cancel)) {
                if (r.choices() != null) {
                    formOptions = r.choices();
                }
                if (r.preview().state() == ImportPreview.State.NEEDS_FORM || f.formChoiceShownProperty().get()) {
                    f.setFormOptions(formOptions == null ? List.of() : formOptions);
                }
                f.apply(r.preview());
                update();
            }
            if (then != null) {
                then.run();
            }
        }, e -> {
            if (done(f, cancel)) {
                f.fail(errors.describe(e));
                update();
            }
            if (then != null) {
                then.run();
            }
        }));
    }

    private record Previewed(ImportPreview preview, List<FormOption> choices) { }

    /** Whether this reading of {@code f} is still the one wanted (not replaced, not cancelled); ends it. */
    private boolean done(ImportFileViewModel f, AtomicBoolean cancel) {
        if (reading.get(f) != cancel) {
            return false;
        }
        reading.remove(f);
        if (reading.isEmpty()) {
            run.finish("");
        }
        return !cancel.get() && !closed;
    }

    private List<FormOption> options(List<StoredForm> forms) {
        List<StoredForm> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparing((StoredForm s) -> s.form().name() == null ? "" : s.form().name(),
                String.CASE_INSENSITIVE_ORDER).thenComparing(StoredForm::id));
        List<FormOption> out = new ArrayList<>();
        for (StoredForm s : sorted) {
            out.add(new FormOption(s.id(), m.format("import.file.formOption",
                    ImportFileViewModel.nameAndId(s.form().name(), s.id()), s.cachedLeads())));
        }
        out.add(new FormOption(null, m.get("import.file.newForm")));
        return out;
    }

    private void update() {
        boolean anyReady = files.stream().anyMatch(ImportFileViewModel::importable);
        canImport.set(step.get() == Step.PREVIEW && reading.isEmpty() && anyReady && !closed);
    }

    // ---- import -----------------------------------------------------------------------------------------

    /** Writes the files that are ready, one transaction each; the others are left out and say why. */
    public void importFiles() {
        if (!canImport.get()) {
            return;
        }
        List<ImportFileViewModel> ready = files.stream().filter(ImportFileViewModel::importable).toList();
        AtomicBoolean cancel = new AtomicBoolean();
        importCancel = cancel;
        step.set(Step.IMPORTING);
        update();
        int total = ready.size();
        run.begin(m.format("import.status.importing", ready.get(0).fileName(), 1, total, 0));
        List<ImportResult> results = new ArrayList<>();
        tasks.add(executor.submit("import", () -> {
            for (int i = 0; i < total && !cancel.get(); i++) {
                ImportFileViewModel f = ready.get(i);
                int index = i;
                ImportListener listener = p -> executor.onUi(() -> progress(f, index, total, p));
                ImportResult r = backend.importFile(f.preview(), listener, cancel::get);
                executor.onUi(() -> results.add(r));
                if (r.cancelled()) {
                    break;
                }
            }
            return Boolean.TRUE;
        }, ok -> finished(ready, results, null), e -> finished(ready, results, e)));
    }

    private void progress(ImportFileViewModel f, int index, int total, ImportProgress p) {
        if (step.get() == Step.IMPORTING && p.phase() == ImportProgress.Phase.WRITING) {
            run.progress((index + p.fraction()) / total,
                    m.format("import.status.importing", f.fileName(), index + 1, total, p.rows()));
        }
    }

    private void finished(List<ImportFileViewModel> ready, List<ImportResult> results, Throwable failure) {
        ImportSummary total = ImportSummary.NONE;
        int imported = 0;
        String cancelledFile = null;
        for (int i = 0; i < ready.size(); i++) {
            ImportFileViewModel f = ready.get(i);
            ImportResult r = i < results.size() ? results.get(i) : null;
            if (r != null && !r.cancelled()) {
                imported++;
                total = total.plus(ImportSummary.of(r));
                f.result(m.format("import.file.imported", ImportSummary.of(r).text(m)));
            } else if (r == null && failure != null && i == results.size()) {
                f.result(m.format("import.file.notImported", errors.describe(failure)));
            } else if (failure != null) {
                f.result(m.get("import.file.stopped"));
            } else {
                // cancelled while this file was written, or before it was begun
                cancelledFile = cancelledFile == null ? f.fileName() : cancelledFile;
                f.result(m.get("import.file.cancelled"));
            }
        }
        for (ImportFileViewModel f : files) {
            if (!ready.contains(f)) {
                f.result(m.format("import.file.notImported", f.stateProperty().get() == ImportFileViewModel.State.NEEDS_FORM
                        ? m.get("import.file.noFormChosen") : f.errorProperty().get()));
            }
        }
        String text = "";
        if (cancelledFile != null && failure == null) {
            text = m.format("import.cancelled", cancelledFile);
            if (imported > 0) {
                text += " " + m.format("import.cancelled.before", imported, total.text(m));
            }
        } else if (imported == 1 && ready.size() == 1) {
            text = m.format("import.done.one", ready.get(0).fileName(), total.text(m));
        } else if (imported > 0) {
            text = m.format("import.done.many", imported, total.text(m));
        }
        summary.set(text);
        step.set(Step.DONE);
        importCancel = null;
        if (failure != null) {
            run.fail(errors.describe(failure));
        } else {
            run.finish("");
        }
        update();
        if (imported > 0) { // also when the dialog was closed part-way: the files written before are in
            onImported.run();
        }
    }

    /**
     * Cancel: stops the import under way (the file being written is left out entirely; files written before it stay)
     * and returns false, the dialog staying open to say so; else stops any reading and returns true: the dialog may close,
     * nothing having been written.
     */
    public boolean cancel() {
        if (step.get() == Step.IMPORTING) {
            if (importCancel != null && run.cancel(m.get("import.status.cancelling"))) {
                importCancel.set(true);
            }
            return false;
        }
        reading.values().forEach(c -> c.set(true));
        return true;
    }

    /** The dialog closed: every reading stops, late results are ignored. An import under way is cancelled. */
    public void close() {
        closed = true;
        if (importCancel != null) {
            importCancel.set(true);
        }
        reading.values().forEach(c -> c.set(true));
        update();
    }

    public boolean isImporting() {
        return step.get() == Step.IMPORTING;
    }

    public ObservableList<ImportFileViewModel> files() {
        return files;
    }

    /** Reading the files, then importing them: progress, the line saying what happens, the failure's sentence. */
    public RunState run() {
        return run;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canImportProperty() {
        return canImport.getReadOnlyProperty();
    }

    /** After the import: "Imported leads-2025-03.csv: 5 new, 0 already cached, 1 row skipped." */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
