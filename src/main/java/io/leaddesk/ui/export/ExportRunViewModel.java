package io.leaddesk.ui.export;

import io.leaddesk.export.ExportOptions;
import io.leaddesk.export.ExportProgress;
import io.leaddesk.export.ExportResult;
import io.leaddesk.export.ExportSource;
import io.leaddesk.export.Exporter;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.RunState;
import io.leaddesk.ui.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Writing the file: the target, asking before an existing file is replaced, the export on a worker with progress,
 * cancel (nothing is written under the chosen name), and the outcome as one message with its kind.
 */
public final class ExportRunViewModel {

    public enum MessageKind { NONE, INFO, SUCCESS, WARNING, ERROR }

    /** What the dialog asks the user; the View implements it with a real dialog, tests with a stub. */
    public interface Dialogs {
        /** Whether {@code file}, which exists, may be replaced. */
        boolean confirmReplace(Path file);
    }

    private final ExportSource source;
    private final Exporter exporter;
    private final TaskExecutor executor;
    private final Messages m;
    private final ErrorText errors;
    private final Formats formats;

    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final RunState run = new RunState();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(this, "messageKind", MessageKind.NONE);
    private final ReadOnlyObjectWrapper<ExportResult> result = new ReadOnlyObjectWrapper<>(this, "result");

    private Dialogs dialogs = f -> false;
    private Consumer<ExportResult> onExported = r -> { };
    private Runnable afterExport = () -> { };
    private AtomicBoolean cancelFlag = new AtomicBoolean();

    ExportRunViewModel(ExportSource source, Exporter exporter, TaskExecutor executor, Messages messages, Formats formats,
                       Path defaultTarget) {
        this.source = source;
        this.exporter = exporter;
        this.executor = executor;
        this.m = messages;
        this.errors = new ErrorText(messages);
        this.formats = formats;
        target.set(formats.paths().show(defaultTarget));
    }

    void setDialogs(Dialogs d) {
        this.dialogs = d;
    }

    /** Called after every export that wrote a file (to refresh what shows the export history). */
    void setOnExported(Consumer<ExportResult> c) {
        this.onExported = c;
    }

    /** Run by the dialog itself after an export wrote a file (e.g. the preview of "only not exported before"). */
    void setAfterExport(Runnable r) {
        this.afterExport = r;
    }

    /** The target as a path ("~/…" is in the home folder), or null when the text is not one. */
    public Path targetFile() {
        return targetPath();
    }

    /** A file as the user reads it: "~/Documents/leads.csv" on Linux and macOS. */
    public String pathText(Path file) {
        return formats.paths().show(file);
    }

    private Path targetPath() {
        try {
            String t = target.get().strip();
            return t.isEmpty() ? null : formats.paths().read(t).toAbsolutePath();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * The file name follows the chosen format: {@code leads.csv} becomes {@code leads.xlsx} and back; a name with
     * another extension is the user's and stays.
     */
    void useExtension(String ext) {
        String t = target.get();
        if (t == null) {
            return;
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        for (String known : new String[] {".csv", ".xlsx"}) {
            if (lower.endsWith(known) && !known.equals(ext)) {
                target.set(t.substring(0, t.length() - known.length()) + ext);
                return;
            }
        }
    }

    /** Sets the file chosen in the View's file chooser. */
    public void setTarget(Path file) {
        if (file != null) {
            String name = file.getFileName().toString();
            target.set(formats.paths().show(name.contains(".") ? file : file.resolveSibling(name + ".csv")));
        }
    }

    /** Starts the export with {@code o}: asks before replacing an existing file, then writes on a worker with progress. */
    void export(ExportOptions o) {
        Path file = targetPath();
        if (file == null) {
            show(MessageKind.ERROR, m.get("export.problem.target"));
            return;
        }
        if (checking || run.isRunning()) {
            return;
        }
        // nothing says "Starting export…" or offers "Cancel export" until the "Replace file?" question is answered
        checking = true;
        show(MessageKind.NONE, "");
        executor.submit("export: check target", () -> Files.exists(file), exists -> {
            boolean replace = exists && dialogs.confirmReplace(file);
            checking = false;
            if (exists && !replace) {
                show(MessageKind.INFO, m.format("export.notReplaced", file.getFileName()));
                return;
            }
            run.begin(m.get("export.progress.starting"));
            start(o.withOverwrite(exists), file);
        }, e -> {
            checking = false;
            failed(e);
        });
    }

    /** True while the target is checked (and the "Replace file?" question open): a second Export does nothing. */
    private boolean checking;

    private void start(ExportOptions o, Path file) {
        AtomicBoolean cancel = new AtomicBoolean();
        cancelFlag = cancel;
        executor.submit("export", () -> exporter.export(source, o, file, p -> executor.onUi(() -> onProgress(p)), cancel::get),
                this::finished, this::failed);
    }

    private void onProgress(ExportProgress p) {
        run.progress(p.fraction(), p.phase() == ExportProgress.Phase.SCANNING
                ? m.format("export.progress.scanning", formats.count(p.done()), formats.count(p.total()))
                : m.format("export.progress.writing", formats.count(p.done()), formats.count(p.total())));
    }

    private void finished(ExportResult r) {
        run.finish("");
        result.set(r);
        if (r.cancelled()) {
            show(MessageKind.WARNING, m.format("export.cancelled", r.file().getFileName()));
            return;
        }
        StringBuilder sb = new StringBuilder(m.format("export.done", r.rowsWritten(), r.leadsCovered(), formats.paths().show(r.file())));
        for (String w : r.warnings()) {
            sb.append('\n').append(w);
        }
        show(r.warnings().isEmpty() ? MessageKind.SUCCESS : MessageKind.WARNING, sb.toString());
        onExported.accept(r);
        afterExport.run();
    }

    private void failed(Throwable e) {
        run.finish("");
        show(MessageKind.ERROR, errors.describe(e));
    }

    /** Stops a running export: nothing is written under the chosen name. */
    public void cancel() {
        if (run.cancel(m.get("export.progress.cancelling"))) {
            cancelFlag.set(true);
        }
    }

    void show(MessageKind kind, String text) {
        messageKind.set(kind);
        message.set(text);
    }

    public StringProperty targetProperty() {
        return target;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return run.cancellingProperty();
    }

    /** 0..1, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return run.messageProperty();
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
}
