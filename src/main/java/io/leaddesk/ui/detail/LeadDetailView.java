package io.leaddesk.ui.detail;

import io.leaddesk.store.ReviewStatus;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.Views;
import java.util.Arrays;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The lead detail pane: binds to {@link LeadDetailViewModel}; list sections are rebuilt from its observable lists. */
public final class LeadDetailView {
    private final LeadDetailViewModel vm;
    private final Messages m;
    private final StackPane root;

    @FXML private Label empty;
    @FXML private ScrollPane scroll;
    @FXML private StackPane titleBox;
    @FXML private Label error;
    @FXML private Button delete;
    @FXML private Label formName;
    @FXML private Label created;
    @FXML private Label expiry;
    @FXML private Label imported;
    @FXML private Label email;
    @FXML private StackPane emailBox;
    @FXML private Label emailFeedback;
    @FXML private Button copyEmail;
    @FXML private StackPane phoneBox;
    @FXML private Label phoneFeedback;
    @FXML private Button copyPhone;
    @FXML private ComboBox<ReviewStatus> status;
    @FXML private TextArea note;
    @FXML private Button saveNote;
    @FXML private Label reviewMessage;
    @FXML private GridPane answers;
    @FXML private VBox disclaimer;
    @FXML private Label disclaimerTitle;
    @FXML private Label disclaimerBody;
    @FXML private VBox checkboxes;
    @FXML private GridPane attribution;
    @FXML private VBox exports;
    @FXML private TitledPane rawPane;
    @FXML private TextArea raw;

    public LeadDetailView(LeadDetailViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
        this.root = Views.load(LeadDetailView.class, "LeadDetailView.fxml", this, messages);
        // Ctrl+Delete (Cmd+Delete on macOS) deletes the shown lead, after asking, wherever the focus is in the window
        KeyCombination shortcut = new KeyCodeCombination(KeyCode.DELETE, KeyCombination.SHORTCUT_DOWN);
        root.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(shortcut);
            }
            if (scene != null) {
                scene.getAccelerators().put(shortcut, () -> {
                    // in a text field Ctrl+Delete deletes the next word, not the lead
                    if (vm.presentProperty().get() && !(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                        confirmAndDelete();
                    }
                });
            }
        });
    }

    public StackPane root() {
        return root;
    }

    /** "Open in detail": the keyboard goes to the shown lead's review status. */
    public void focusFirst() {
        if (vm.presentProperty().get()) {
            status.requestFocus();
        }
    }

    @FXML
    private void initialize() {
        empty.visibleProperty().bind(vm.presentProperty().not());
        scroll.visibleProperty().bind(vm.presentProperty());
        error.textProperty().bind(vm.messageProperty());
        error.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        formName.textProperty().bind(vm.formNameProperty());
        created.textProperty().bind(vm.createdTextProperty());
        expiry.textProperty().bind(vm.expiryTextProperty());
        imported.textProperty().bind(vm.importedProperty());
        imported.visibleProperty().bind(vm.importedProperty().isNotEmpty());
        imported.managedProperty().bind(imported.visibleProperty());
        vm.expiredProperty().addListener((o, a, b) -> toggle(expiry, "expired", b));
        emailFeedback.textProperty().bind(vm.emailFeedbackProperty());
        phoneFeedback.textProperty().bind(vm.phoneFeedbackProperty());
        copyEmail.disableProperty().bind(vm.emailProperty().isEmpty());
        copyPhone.disableProperty().bind(vm.phoneProperty().isEmpty());
        copyEmail.setOnAction(e -> vm.copyEmail());
        delete.setTooltip(new Tooltip(m.get("detail.delete.tooltip")));
        delete.setOnAction(e -> confirmAndDelete());

        copyPhone.setOnAction(e -> vm.copyPhone());

        status.setItems(FXCollections.observableArrayList(Arrays.asList(ReviewStatus.values())));
        status.setCellFactory(lv -> new StatusCell());
        status.setButtonCell(new StatusCell());
        status.valueProperty().bindBidirectional(vm.statusProperty());
        note.textProperty().bindBidirectional(vm.noteProperty());
        saveNote.disableProperty().bind(vm.noteDirtyProperty().not());
        saveNote.setOnAction(e -> vm.saveReview());
        note.focusedProperty().addListener((o, a, focused) -> {
            if (!focused && vm.noteDirtyProperty().get()) {
                vm.saveReview();
            }
        });
        reviewMessage.textProperty().bind(vm.reviewMessageProperty());
        vm.highlightProperty().addListener((o, a, b) -> {
            rebuildMarked();
            rebuildAnswers();
        });
        scroll.widthProperty().addListener((o, a, w) -> {
            if ((w.doubleValue() < NARROW) != narrow) {
                rebuildAnswers();
            }
        });
        vm.titleProperty().addListener((o, a, b) -> rebuildMarked());
        vm.emailProperty().addListener((o, a, b) -> rebuildMarked());
        vm.phoneProperty().addListener((o, a, b) -> rebuildMarked());
        vm.noteProperty().addListener((o, a, b) -> markNote());
        rebuildMarked();

        disclaimer.visibleProperty().bind(vm.hasDisclaimerProperty());
        disclaimer.managedProperty().bind(disclaimer.visibleProperty());
        disclaimerTitle.textProperty().bind(vm.disclaimerTitleProperty());
        disclaimerBody.textProperty().bind(vm.disclaimerBodyProperty());
        raw.textProperty().bind(vm.rawJsonProperty());

        ColumnConstraints labels = new ColumnConstraints();
        labels.setPercentWidth(38);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        answers.getColumnConstraints().setAll(labels, values);
        ColumnConstraints l2 = new ColumnConstraints();
        l2.setPercentWidth(30);
        ColumnConstraints v2 = new ColumnConstraints();
        v2.setHgrow(Priority.ALWAYS);
        attribution.getColumnConstraints().setAll(l2, v2);

        vm.answers().addListener((ListChangeListener<LeadDetailViewModel.Answer>) c -> rebuildAnswers());
        vm.checkboxes().addListener((ListChangeListener<LeadDetailViewModel.Checkbox>) c -> rebuildCheckboxes());
        vm.attribution().addListener((ListChangeListener<LeadDetailViewModel.Field>) c -> rebuildAttribution());
        vm.exports().addListener((ListChangeListener<LeadDetailViewModel.ExportEntry>) c -> rebuildExports());
        rebuildExports();
    }

    /** Asks first (Cancel is the default answer), then lets the ViewModel delete. */
    private void confirmAndDelete() {
        ButtonType erase = new ButtonType(m.get("detail.delete.confirm"), ButtonBar.ButtonData.OK_DONE);
        // our own Cancel: JavaFX's ButtonType.CANCEL is English in most of the app's languages
        ButtonType cancel = new ButtonType(m.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, vm.deleteQuestion(), erase, cancel);
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
        }
        a.setTitle(m.get("detail.delete.title"));
        a.setHeaderText(null);
        ((Button) a.getDialogPane().lookupButton(erase)).setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.isPresent() && answer.get() == erase) {
            vm.deleteLead();
        }
    }

    private static void toggle(Node n, String style, boolean on) {
        n.getStyleClass().remove(style);
        if (on) {
            n.getStyleClass().add(style);
        }
    }

    /** Title, email and phone with the search's words marked; email and phone on one line, whole in a tooltip. */
    private void rebuildMarked() {
        Highlight h = vm.highlightProperty().get();
        titleBox.getChildren().setAll(Marked.text(vm.titleProperty().get(), h, true, "title-4", "lead-title"));
        emailBox.getChildren().setAll(Marked.text(vm.emailProperty().get(), h, false));
        phoneBox.getChildren().setAll(Marked.text(vm.phoneProperty().get(), h, false));
        markNote();
    }

    private void markNote() {
        toggle(note, "search-hit-field", vm.highlightProperty().get().matches(vm.noteProperty().get()));
    }

    private static Label wrapped(String text, String... styles) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        l.getStyleClass().addAll(styles);
        return l;
    }

    /** Below this width of the detail, each answer goes under its question instead of beside it. */
    static final double NARROW = 380;
    private boolean narrow;

    private void rebuildAnswers() {
        narrow = scroll.getWidth() > 0 && scroll.getWidth() < NARROW;
        answers.getChildren().clear();
        int row = 0;
        for (LeadDetailViewModel.Answer a : vm.answers()) {
            // a question key is one long word (quais_serviços_te_interessam?): one line, whole in a tooltip
            VBox label = new VBox(0, wrapped(a.label(), "answer-label"), Marked.oneLine(a.key(), "text-small", "text-muted", "answer-key"));
            label.setMinWidth(0);
            Highlight h = vm.highlightProperty().get();
            Node value;
            if (a.empty()) {
                value = wrapped(m.get("detail.answer.empty"), "text-muted", "answer-empty");
            } else if (a.values().size() == 1) {
                value = Marked.text(a.values().get(0), h, true, "answer-value");
            } else {
                VBox list = new VBox(2);
                for (String v : a.values()) {
                    list.getChildren().add(Marked.text("• " + v, h, true, "answer-value"));
                }
                value = list;
            }
            if (narrow) {
                // a narrow pane: the question above its answer, so neither is squeezed into a broken word
                answers.add(label, 0, row++, 2, 1);
                if (value instanceof javafx.scene.layout.Region r) {
                    r.setPadding(new javafx.geometry.Insets(0, 0, 4, 12));
                }
                answers.add(value, 0, row++, 2, 1);
            } else {
                answers.addRow(row++, label, value);
            }
        }
    }

    private void rebuildCheckboxes() {
        checkboxes.getChildren().clear();
        for (LeadDetailViewModel.Checkbox c : vm.checkboxes()) {
            String state = c.checked() ? "☑ " + m.get("detail.checkbox.ticked") : "☐ " + m.get("detail.checkbox.notTicked");
            String req = c.required() ? " (" + m.get("detail.checkbox.required") + ")" : "";
            Label text = wrapped(c.text() + req);
            Label st = wrapped(state, "text-small", c.checked() ? "checkbox-ticked" : "checkbox-unticked");
            checkboxes.getChildren().add(new VBox(1, text, st));
        }
    }

    private void rebuildAttribution() {
        attribution.getChildren().clear();
        int row = 0;
        for (LeadDetailViewModel.Field f : vm.attribution()) {
            attribution.addRow(row++, wrapped(f.label(), "text-muted"), wrapped(f.value()));
        }
    }

    private void rebuildExports() {
        exports.getChildren().clear();
        if (vm.exports().isEmpty()) {
            exports.getChildren().add(wrapped(m.get("detail.exports.none"), "text-muted"));
        }
        for (LeadDetailViewModel.ExportEntry e : vm.exports()) {
            exports.getChildren().add(new VBox(1, wrapped(m.format("detail.exports.entry", e.when(), e.profile())),
                    wrapped(e.file(), "text-small", "text-muted")));
        }
    }

    private final class StatusCell extends ListCell<ReviewStatus> {
        @Override
        protected void updateItem(ReviewStatus s, boolean isEmpty) {
            super.updateItem(s, isEmpty);
            setText(isEmpty || s == null ? "" : m.status(s));
        }
    }
}
