package io.leaddesk.ui.imports;

import io.leaddesk.ui.Messages;
import io.leaddesk.ui.RunState;
import io.leaddesk.ui.Views;
import io.leaddesk.ui.imports.ImportFileViewModel.State;
import io.leaddesk.ui.imports.ImportViewModel.Step;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The import dialog's content: one card per file (its preview, the form choice), progress, summary, buttons. Binds only. */
public final class ImportView {
    private final ImportViewModel vm;
    private final Messages m;
    private final BorderPane root;
    private Runnable onClose = () -> { };

    @FXML private ScrollPane scroll;
    @FXML private VBox fileList;
    @FXML private HBox progressRow;
    @FXML private ProgressBar progress;
    @FXML private Label progressText;
    @FXML private Label summary;
    @FXML private Label error;
    @FXML private Button importButton;
    @FXML private Button cancelButton;
    @FXML private Button closeButton;

    public ImportView(ImportViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
        this.root = Views.load(ImportView.class, "ImportView.fxml", this, messages);
        root.getStylesheets().add(ImportView.class.getResource("imports.css").toExternalForm());
    }

    public BorderPane root() {
        return root;
    }

    /** What Close (and Cancel before the import) does: the window closes. */
    public void setOnClose(Runnable r) {
        this.onClose = r;
    }

    @FXML
    private void initialize() {
        vm.files().addListener((ListChangeListener<ImportFileViewModel>) c -> cards());
        cards();
        RunState run = vm.run();
        progressRow.visibleProperty().bind(run.runningProperty());
        showWhen(progressRow, progressRow.visibleProperty());
        progress.progressProperty().bind(run.progressProperty());
        progressText.textProperty().bind(run.messageProperty());
        summary.textProperty().bind(vm.summaryProperty());
        showWhenText(summary, vm.summaryProperty());
        error.textProperty().bind(run.errorProperty());
        showWhenText(error, run.errorProperty());
        BooleanBinding done = vm.stepProperty().isEqualTo(Step.DONE);
        importButton.disableProperty().bind(vm.canImportProperty().not());
        importButton.visibleProperty().bind(done.not());
        showWhen(importButton, importButton.visibleProperty());
        cancelButton.visibleProperty().bind(done.not());
        showWhen(cancelButton, cancelButton.visibleProperty());
        cancelButton.disableProperty().bind(run.cancellingProperty());
        closeButton.visibleProperty().bind(done);
        showWhen(closeButton, closeButton.visibleProperty());
        importButton.setOnAction(e -> vm.importFiles());
        cancelButton.setOnAction(e -> {
            if (vm.cancel()) {
                onClose.run();
            }
        });
        closeButton.setOnAction(e -> onClose.run());
        done.addListener((o, a, b) -> {
            if (b) {
                closeButton.setDefaultButton(true);
                closeButton.setCancelButton(true);
            }
        });
    }

    private void cards() {
        fileList.getChildren().clear();
        for (ImportFileViewModel f : vm.files()) {
            fileList.getChildren().add(card(f));
        }
    }

    private Node card(ImportFileViewModel f) {
        Label name = label(null, "import-file-name");
        name.setText(f.fileName());
        name.setWrapText(false);
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label format = label(f.formatProperty(), "text-muted");
        HBox head = new HBox(10, name, format);
        head.setAlignment(Pos.BASELINE_LEFT);

        Label reading = label(null, "text-muted");
        reading.setText(m.get("import.file.reading"));
        showWhen(reading, f.stateProperty().isEqualTo(State.READING));

        Label form = label(f.formTextProperty(), "import-form");
        showWhenText(form, f.formTextProperty());
        f.stateProperty().addListener((o, a, b) -> {
            form.getStyleClass().remove("import-needs-form");
            if (b == State.NEEDS_FORM) {
                form.getStyleClass().add("import-needs-form");
            }
        });

        Node choice = formChoice(f);
        Label counts = label(f.countsProperty(), "import-counts");
        showWhenText(counts, f.countsProperty());
        Label columns = label(f.columnsProperty(), "import-columns");
        showWhenText(columns, f.columnsProperty());
        Label unrecognised = label(f.unrecognisedProperty(), "import-unrecognised");
        showWhenText(unrecognised, f.unrecognisedProperty());
        VBox problems = new VBox(2);
        problems.getStyleClass().add("import-problems");
        Runnable fill = () -> {
            problems.getChildren().clear();
            for (String p : f.problems()) {
                Label l = label(null, "import-problem");
                l.setText(p);
                problems.getChildren().add(l);
            }
        };
        f.problems().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        showWhen(problems, Bindings.isNotEmpty(f.problems()));
        Label more = label(f.moreProblemsProperty(), "import-problem");
        showWhenText(more, f.moreProblemsProperty());
        Label err = label(f.errorProperty(), "import-file-error");
        showWhenText(err, f.errorProperty());
        Label result = label(f.resultProperty(), "import-file-result");
        showWhenText(result, f.resultProperty());

        VBox card = new VBox(5, head, reading, form, choice, counts, columns, unrecognised, problems, more, err, result);
        card.getStyleClass().add("import-file");
        return card;
    }

    /** The form choice of a file that names none: a cached form, or a new one (its id and name typed). */
    private Node formChoice(ImportFileViewModel f) {
        Label label = new Label(m.get("import.file.formChoice"));
        label.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<FormOption> box = new ComboBox<>(f.formOptions());
        box.getStyleClass().add("import-form-choice");
        box.setPromptText(m.get("import.file.formChoice.prompt"));
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.valueProperty().bindBidirectional(f.chosenFormProperty());
        HBox row = new HBox(8, label, box);
        row.setAlignment(Pos.CENTER_LEFT);

        Label idLabel = new Label(m.get("import.file.newForm.id"));
        idLabel.setMinWidth(Region.USE_PREF_SIZE);
        TextField id = new TextField();
        id.getStyleClass().add("import-new-form-id");
        id.setPromptText(m.get("import.file.newForm.id.prompt"));
        id.setPrefColumnCount(16);
        id.textProperty().bindBidirectional(f.newFormIdProperty());
        Label nameLabel = new Label(m.get("import.file.newForm.name"));
        nameLabel.setMinWidth(Region.USE_PREF_SIZE);
        TextField name = new TextField();
        name.getStyleClass().add("import-new-form-name");
        name.setPrefColumnCount(18);
        name.textProperty().bindBidirectional(f.newFormNameProperty());
        Button use = new Button(m.get("import.file.newForm.apply"));
        use.getStyleClass().addAll("small", "import-new-form-use");
        use.setMinWidth(Region.USE_PREF_SIZE);
        use.setOnAction(e -> f.useNewForm());
        id.setOnAction(e -> f.useNewForm());
        FlowPane newForm = new FlowPane(8, 6, idLabel, id, nameLabel, name, use);
        newForm.setAlignment(Pos.CENTER_LEFT);
        showWhen(newForm, f.newFormChosenProperty());
        Label problem = label(f.choiceProblemProperty(), "import-file-error");
        showWhenText(problem, f.choiceProblemProperty());

        VBox all = new VBox(6, row, newForm, problem);
        all.disableProperty().bind(vm.stepProperty().isNotEqualTo(Step.PREVIEW)
                .or(f.stateProperty().isEqualTo(State.READING)));
        showWhen(all, f.formChoiceShownProperty().and(vm.stepProperty().isNotEqualTo(Step.DONE)));
        return all;
    }

    private static Label label(ObservableStringValue text, String style) {
        Label l = new Label();
        if (text != null) {
            l.textProperty().bind(text);
        }
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        return l;
    }

    private static void showWhenText(Node n, ObservableStringValue text) {
        showWhen(n, Bindings.isNotEmpty(text));
    }

    private static void showWhen(Node n, javafx.beans.value.ObservableBooleanValue condition) {
        if (!n.visibleProperty().isBound()) {
            n.visibleProperty().bind(condition);
        }
        n.managedProperty().bind(n.visibleProperty());
    }
}
