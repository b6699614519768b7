package io.leaddesk.ui.imports;

import io.leaddesk.imports.FormMatch;
import io.leaddesk.imports.ImportPreview;
import io.leaddesk.imports.RowProblem;
import io.leaddesk.ui.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One file of the import dialog: what its preview found (form, counts, columns mapped and not recognised, the first
 * malformed rows), the sentence when it cannot be read, the form choice when it names no form, and after the import
 * what became of it. Only the UI thread touches it; {@link ImportViewModel} runs the previews.
 */
public final class ImportFileViewModel {

    public enum State { READING, READY, NEEDS_FORM, UNREADABLE, REFUSED }

    /** Malformed rows listed in the dialog (all are counted). */
    public static final int PROBLEMS_SHOWN = 5;

    private static final Pattern FORM_ID = Pattern.compile("(?i)(f:)?\\s*[0-9]{1,30}");

    private final Path file;
    private final Messages m;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.READING);
    private final ReadOnlyStringWrapper format = new ReadOnlyStringWrapper(this, "format", "");
    private final ReadOnlyStringWrapper formText = new ReadOnlyStringWrapper(this, "formText", "");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ReadOnlyStringWrapper columns = new ReadOnlyStringWrapper(this, "columns", "");
    private final ReadOnlyStringWrapper unrecognised = new ReadOnlyStringWrapper(this, "unrecognised", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper moreProblems = new ReadOnlyStringWrapper(this, "moreProblems", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ObservableList<FormOption> formOptions = FXCollections.observableArrayList();
    private final ObjectProperty<FormOption> chosenForm = new SimpleObjectProperty<>(this, "chosenForm");
    private final ReadOnlyBooleanWrapper newFormChosen = new ReadOnlyBooleanWrapper(this, "newFormChosen");
    private final StringProperty newFormId = new SimpleStringProperty(this, "newFormId", "");
    private final StringProperty newFormName = new SimpleStringProperty(this, "newFormName", "");
    private final ReadOnlyStringWrapper choiceProblem = new ReadOnlyStringWrapper(this, "choiceProblem", "");
    private final ReadOnlyBooleanWrapper formChoiceShown = new ReadOnlyBooleanWrapper(this, "formChoiceShown");

    private ImportPreview preview;
    private Runnable onNewForm = () -> { };

    ImportFileViewModel(Path file, Messages messages) {
        this.file = file;
        this.m = messages;
        Path name = file.getFileName();
        String base = name == null ? "" : name.toString();
        int dot = base.lastIndexOf('.');
        newFormName.set(dot > 0 ? base.substring(0, dot) : base);
        chosenForm.addListener((o, a, b) -> {
            newFormChosen.set(b != null && b.newForm());
            choiceProblem.set("");
        });
    }

    public Path file() {
        return file;
    }

    public String fileName() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** The preview the import would write; null while reading or when the file cannot be imported. */
    ImportPreview preview() {
        return preview;
    }

    boolean importable() {
        return state.get() == State.READY && preview != null && preview.canImport();
    }

    void reading() {
        state.set(State.READING);
        error.set("");
        choiceProblem.set("");
    }

    /** Shows what the preview found. */
    void apply(ImportPreview p) {
        preview = p;
        format.set(m.format("import.file.format", p.encoding(), separator(p.separator()), p.rows()));
        counts.set(ImportSummary.of(p).text(m));
        List<String> forms = new ArrayList<>();
        List<String> mapped = new ArrayList<>(p.leadColumns());
        for (FormMatch f : p.forms()) {
            String name = nameAndId(f.formName(), f.formId());
            forms.add(!f.inCache() ? m.format("import.file.form.created", name)
                    : f.provisional() ? m.format("import.file.form.provisional", name)
                    : m.format("import.file.form.cached", name));
            for (String c : f.questionColumns()) {
                if (!mapped.contains(c)) {
                    mapped.add(c);
                }
            }
        }
        columns.set(p.state() == ImportPreview.State.NEEDS_FORM
                ? m.format("import.file.columns.pending", mapped.size(), String.join(", ", mapped))
                : m.format("import.file.columns", mapped.size(), String.join(", ", mapped)));
        unrecognised.set(p.unrecognisedColumns().isEmpty() ? ""
                : m.format("import.file.unrecognised", p.unrecognisedColumns().size(), String.join(", ", p.unrecognisedColumns())));
        List<String> shown = new ArrayList<>();
        for (RowProblem r : p.problems().subList(0, Math.min(PROBLEMS_SHOWN, p.problems().size()))) {
            shown.add(m.format("import.file.problem", r.line(), r.reason()));
        }
        problems.setAll(shown);
        long more = p.skipped() - shown.size();
        moreProblems.set(more > 0 ? m.format("import.file.moreProblems", more) : "");
        error.set("");
        switch (p.state()) {
            case NEEDS_FORM -> {
                formText.set(m.get("import.file.needsForm"));
                formChoiceShown.set(true);
                state.set(State.NEEDS_FORM);
            }
            case REFUSED -> {
                formText.set(String.join("\n", forms));
                error.set(p.refusal() == null ? "" : p.refusal());
                state.set(State.REFUSED);
            }
            default -> {
                formText.set(String.join("\n", forms));
                state.set(State.READY);
            }
        }
    }

    /** The file cannot be read as a lead download: {@code sentence} says why and what to do. */
    void fail(String sentence) {
        preview = null;
        format.set("");
        formText.set("");
        counts.set("");
        columns.set("");
        unrecognised.set("");
        problems.clear();
        moreProblems.set("");
        error.set(sentence);
        state.set(State.UNREADABLE);
    }

    void result(String text) {
        result.set(text);
    }

    /** The same choices again leave the list alone: replacing it would clear the choice a view shows. */
    void setFormOptions(List<FormOption> options) {
        if (!formOptions.equals(options)) {
            formOptions.setAll(options);
        }
    }

    void setOnNewForm(Runnable r) {
        this.onNewForm = r;
    }

    /** "Use this form" for a new form: checks the id typed, then the dialog reads the file again with it. */
    public void useNewForm() {
        String id = newFormId.get() == null ? "" : newFormId.get().strip();
        if (!FORM_ID.matcher(id).matches()) {
            choiceProblem.set(m.get("import.file.newForm.badId"));
            return;
        }
        choiceProblem.set("");
        onNewForm.run();
    }

    /** The id typed for a new form, without Meta's f: prefix. */
    String newFormIdValue() {
        String id = newFormId.get() == null ? "" : newFormId.get().strip();
        return id.toLowerCase(Locale.ROOT).startsWith("f:") ? id.substring(2).strip() : id;
    }

    /**
     * "Форма (900000000000101)"; the id alone when the form has no name. A left-to-right mark after the name keeps the id
     * after an Arabic or Hebrew name instead of before it.
     */
    static String nameAndId(String name, String id) {
        return name == null || name.isBlank() ? id : name + "\u200E (" + id + ")";
    }

    private String separator(char c) {
        return switch (c) {
            case ',' -> m.get("import.separator.comma");
            case ';' -> m.get("import.separator.semicolon");
            case '\t' -> m.get("import.separator.tab");
            default -> String.valueOf(c);
        };
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "UTF-16LE with BOM, tab-separated, 4 rows". */
    public ReadOnlyStringProperty formatProperty() {
        return format.getReadOnlyProperty();
    }

    /** The form(s) matched, one line each; or that the file names none. */
    public ReadOnlyStringProperty formTextProperty() {
        return formText.getReadOnlyProperty();
    }

    /** "5 new, 0 already cached, 1 row skipped". */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty columnsProperty() {
        return columns.getReadOnlyProperty();
    }

    /** "" when every column is imported. */
    public ReadOnlyStringProperty unrecognisedProperty() {
        return unrecognised.getReadOnlyProperty();
    }

    /** The first malformed rows: "Line 5: created_time "yesterday" is not a date and time with an offset". */
    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyStringProperty moreProblemsProperty() {
        return moreProblems.getReadOnlyProperty();
    }

    /** Why the file cannot be imported (one sentence), "" otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** After the import: what became of this file. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<FormOption> formOptions() {
        return formOptions;
    }

    /** The form chosen for a file that names none; a cached form reads the file again at once. */
    public ObjectProperty<FormOption> chosenFormProperty() {
        return chosenForm;
    }

    public ReadOnlyBooleanProperty newFormChosenProperty() {
        return newFormChosen.getReadOnlyProperty();
    }

    /** Whether the form choice is shown (the file names no form); stays once a form was chosen, to change it. */
    public ReadOnlyBooleanProperty formChoiceShownProperty() {
        return formChoiceShown.getReadOnlyProperty();
    }

    public StringProperty newFormIdProperty() {
        return newFormId;
    }

    /** Prefilled with the file's name. */
    public StringProperty newFormNameProperty() {
        return newFormName;
    }

    public ReadOnlyStringProperty choiceProblemProperty() {
        return choiceProblem.getReadOnlyProperty();
    }
}
