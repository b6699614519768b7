package io.leaddesk.ui.export;

import io.leaddesk.export.BuiltInProfile;
import io.leaddesk.export.CustomProfile;
import io.leaddesk.export.CustomProfiles;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.RunState;
import io.leaddesk.ui.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A custom export profile being edited: pick columns from the sources ({@code ColumnSources} plus the chosen forms'
 * question and disclaimer keys), order them, rename their headers, save under a name for reuse, or delete it.
 */
public final class ProfileEditorViewModel {

    /** One column of the profile: its source and an editable header. */
    public static final class Column {
        private final String source;
        private final StringProperty header = new SimpleStringProperty(this, "header");

        public Column(String source, String header) {
            this.source = source;
            this.header.set(header == null ? source : header);
        }

        public String source() {
            return source;
        }

        public StringProperty headerProperty() {
            return header;
        }
    }

    private final CustomProfiles store;
    private final TaskExecutor executor;
    private final Messages m;
    private final ErrorText errors;
    private final ObservableList<String> sources;
    private final ObservableList<Column> columns = FXCollections.observableArrayList(c -> new Observable[] {c.headerProperty()});
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final RunState run = new RunState();
    private final StringBinding message = Bindings.when(run.errorProperty().isEmpty()).then(run.messageProperty())
            .otherwise(run.errorProperty());
    private final BooleanBinding error = run.errorProperty().isNotEmpty();
    private final BooleanBinding canSave;
    private final String originalName;
    private BiConsumer<CustomProfile, List<CustomProfile>> onChanged = (p, all) -> { };

    ProfileEditorViewModel(CustomProfiles store, TaskExecutor executor, Messages messages, List<String> sources, String name,
                           List<CustomProfile.CustomColumn> start) {
        this.store = store;
        this.executor = executor;
        this.m = messages;
        this.errors = new ErrorText(messages);
        this.sources = FXCollections.observableArrayList(sources);
        this.name.set(name == null ? "" : name);
        this.originalName = name == null ? "" : name;
        for (CustomProfile.CustomColumn c : start) {
            columns.add(new Column(c.source(), c.header()));
        }
        canSave = Bindings.createBooleanBinding(() -> !run.isRunning() && !this.name.get().isBlank() && !columns.isEmpty()
                && BuiltInProfile.byName(this.name.get()).isEmpty(), run.runningProperty(), this.name, columns);
    }

    /** Called after a save (the saved profile) or a delete (null), with every saved profile. */
    void setOnChanged(BiConsumer<CustomProfile, List<CustomProfile>> c) {
        this.onChanged = c;
    }

    /** Adds a column showing {@code source} at the end; returns its index. */
    public int add(String source) {
        if (source == null) {
            return -1;
        }
        columns.add(new Column(source, source.contains(":") ? source.substring(source.indexOf(':') + 1) : source));
        return columns.size() - 1;
    }

    public void remove(int index) {
        if (index >= 0 && index < columns.size()) {
            columns.remove(index);
        }
    }

    /** Moves the column up; returns its new index. */
    public int moveUp(int index) {
        if (index <= 0 || index >= columns.size()) {
            return index;
        }
        Column c = columns.remove(index);
        columns.add(index - 1, c);
        return index - 1;
    }

    /** Moves the column down; returns its new index. */
    public int moveDown(int index) {
        if (index < 0 || index >= columns.size() - 1) {
            return index;
        }
        Column c = columns.remove(index);
        columns.add(index + 1, c);
        return index + 1;
    }

    /** Saves the profile under its name (replacing a saved one of that name). */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        CustomProfile p;
        try {
            List<CustomProfile.CustomColumn> cols = new ArrayList<>();
            for (Column c : columns) {
                cols.add(new CustomProfile.CustomColumn(c.source(), c.headerProperty().get()));
            }
            p = new CustomProfile(name.get(), cols);
        } catch (IllegalArgumentException e) {
            run.fail(e.getMessage());
            return;
        }
        run.begin("");
        executor.submit("save profile", () -> {
            store.save(p);
            return store.list();
        }, all -> {
            run.finish(m.format("export.profile.saved", p.name()));
            onChanged.accept(p, all);
        }, e -> run.fail(errors.describe(e)));
    }

    /** Deletes the saved profile of this name. */
    public void delete() {
        String n = name.get().isBlank() ? originalName : name.get();
        if (n.isBlank()) {
            return;
        }
        run.begin("");
        executor.submit("delete profile", () -> {
            boolean removed = store.delete(n);
            return new Deleted(removed, store.list());
        }, r -> {
            run.finish(r.removed() ? m.format("export.profile.deleted", n) : m.format("export.profile.notSaved", n));
            onChanged.accept(null, r.all());
        }, e -> run.fail(errors.describe(e)));
    }

    private record Deleted(boolean removed, List<CustomProfile> all) { }

    public ObservableList<String> sources() {
        return sources;
    }

    public ObservableList<Column> columns() {
        return columns;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The outcome of the last save or delete: what was done, or why it failed. */
    public StringBinding messageProperty() {
        return message;
    }

    /** Whether {@link #messageProperty()} says why something failed. */
    public BooleanBinding errorProperty() {
        return error;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
