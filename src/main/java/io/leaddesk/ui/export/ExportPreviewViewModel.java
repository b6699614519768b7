package io.leaddesk.ui.export;

import io.leaddesk.export.ExportOptions;
import io.leaddesk.export.ExportSource;
import io.leaddesk.export.Exporter;
import io.leaddesk.ui.Cancellable;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.TaskExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The preview of the export: the header and the first {@link #ROWS} rows exactly as the file gets them, and how many
 * leads match. Read in the background, debounced after each change; a newer read cancels an older one (on a big cache
 * a preview reads every lead), and so does closing the dialog.
 */
public final class ExportPreviewViewModel {
    public static final int ROWS = 20;

    /** What to preview: the options, or why there is nothing to preview ({@code blocked}, and whether to clear the rows). */
    record Request(ExportOptions options, String blocked, boolean clear) {
        static Request of(ExportOptions options) {
            return new Request(options, "", false);
        }

        static Request blocked(String why, boolean clear) {
            return new Request(null, why, clear);
        }
    }

    private record Result(List<List<String>> rows, long matching) { }

    private final ExportSource source;
    private final Exporter exporter;
    private final TaskExecutor executor;
    private final Messages m;
    private final ErrorText errors;
    private final Duration debounce;
    private final Supplier<Request> request;

    private final ReadOnlyObjectWrapper<List<String>> header = new ReadOnlyObjectWrapper<>(this, "header", List.of());
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private Cancellable timer = Cancellable.NONE;
    private Cancellable task = Cancellable.NONE;
    private int generation;

    ExportPreviewViewModel(ExportSource source, Exporter exporter, TaskExecutor executor, Messages messages, Duration debounce,
                           Supplier<Request> request) {
        this.source = source;
        this.exporter = exporter;
        this.executor = executor;
        this.m = messages;
        this.errors = new ErrorText(messages);
        this.debounce = debounce;
        this.request = request;
    }

    /** Refreshes after the debounce delay, unless another change comes first. */
    void refreshSoon() {
        timer.cancel();
        timer = executor.schedule(debounce, this::refresh);
    }

    /** Reads the header and the first rows again (background); a newer refresh wins over an older one. */
    public void refresh() {
        timer.cancel();
        task.cancel();
        int gen = ++generation;
        Request r = request.get();
        if (!r.blocked().isEmpty()) {
            loading.set(false);
            if (r.clear()) {
                header.set(List.of());
                rows.clear();
            }
            text.set(r.blocked());
            return;
        }
        ExportOptions o = r.options();
        loading.set(true);
        text.set(m.get("export.preview.loading"));
        AtomicBoolean stop = new AtomicBoolean();
        Cancellable t = executor.submit("export preview", () -> new Result(exporter.preview(source, o, ROWS, stop::get),
                source.countLeads(o.query())), p -> {
            if (gen != generation) {
                return;
            }
            loading.set(false);
            header.set(p.rows().isEmpty() ? List.of() : p.rows().get(0));
            rows.setAll(p.rows().subList(Math.min(1, p.rows().size()), p.rows().size()));
            text.set(p.matching() == 0 ? m.get("export.preview.none")
                    : m.format("export.preview.count", p.matching(), rows.size()));
        }, e -> {
            if (gen != generation) {
                return;
            }
            loading.set(false);
            header.set(List.of());
            rows.clear();
            text.set(errors.describe(e));
        });
        task = () -> {
            stop.set(true);
            t.cancel();
        };
    }

    /** Stops a pending or running preview (the dialog closes). */
    void close() {
        timer.cancel();
        task.cancel();
    }

    public ReadOnlyObjectProperty<List<String>> headerProperty() {
        return header.getReadOnlyProperty();
    }

    public ObservableList<List<String>> rows() {
        return rows;
    }

    /** How many leads match, or why there is no preview. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
