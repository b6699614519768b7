package io.leaddesk.ui.export;

import io.leaddesk.export.ExportProfile;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.Views;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The Export dialog's content: binds to {@link ExportViewModel}, forwards clicks, opens the file chooser and asks. */
public final class ExportView implements ExportRunViewModel.Dialogs {
    private final ExportViewModel vm;
    private final ZoneId zone;
    private final Messages m;
    private final BorderPane root;
    private Runnable onClose = () -> { };

    @FXML private HBox options;
    @FXML private ListView<FormChoice> forms;
    @FXML private Button allForms;
    @FXML private Button noForms;
    @FXML private DatePicker dateFrom;
    @FXML private DatePicker dateUntil;
    @FXML private FlowPane statuses;
    @FXML private CheckBox newOnly;
    @FXML private CheckBox dedupe;
    @FXML private ComboBox<ExportProfile> profile;
    @FXML private Button editProfile;
    @FXML private ComboBox<ExportFormatViewModel.Encoding> encoding;
    @FXML private ComboBox<io.leaddesk.export.ExportFormat> fileFormat;
    @FXML private ComboBox<ExportFormatViewModel.Separator> separator;
    @FXML private CheckBox formulaGuard;
    @FXML private CheckBox e164;
    @FXML private TextField region;
    @FXML private CheckBox localTime;
    @FXML private Label warning;
    @FXML private Label problem;
    @FXML private Label previewText;
    @FXML private TableView<List<String>> preview;
    @FXML private TextField target;
    @FXML private Button chooseFile;
    @FXML private HBox progressRow;
    @FXML private ProgressBar progress;
    @FXML private Label progressText;
    @FXML private Label message;
    @FXML private Button exportButton;
    @FXML private Button cancelButton;
    @FXML private Button closeButton;

    public ExportView(ExportViewModel vm, Messages messages, ZoneId zone) {
        this.vm = vm;
        this.m = messages;
        this.zone = zone;
        this.root = Views.load(ExportView.class, "ExportView.fxml", this, messages);
        vm.setDialogs(this);
        installEscape();
    }

    public BorderPane root() {
        return root;
    }

    /** What Close does (the window closes it). */
    public void setOnClose(Runnable r) {
        this.onClose = r;
    }

    @FXML
    private void initialize() {
        bindChoices(vm.choices());
        bindFormat(vm.format());
        warning.textProperty().bind(vm.warningProperty());
        showWhenText(warning);
        problem.textProperty().bind(vm.problemProperty());
        showWhenText(problem);
        bindPreview(vm.preview());
        bindRun(vm.run());
        exportButton.disableProperty().bind(vm.canExportProperty().not());
        exportButton.setOnAction(e -> vm.export());
        closeButton.setOnAction(e -> onClose.run());
    }

    private void installEscape() {
        // Escape closes the dialog from the moment it shows, wherever the focus is (or when nothing has it yet);
        // an open list closes first; during an export Escape cancels it
        javafx.event.EventHandler<javafx.scene.input.KeyEvent> escape = e -> {
            if (e.getCode() != javafx.scene.input.KeyCode.ESCAPE || e.isConsumed()) {
                return;
            }
            javafx.scene.Node owner = root.getScene() == null ? null : root.getScene().getFocusOwner();
            if (owner instanceof javafx.scene.control.ComboBoxBase<?> c && c.isShowing()) {
                return; // Escape closes the open list first
            }
            e.consume();
            if (vm.run().runningProperty().get()) {
                vm.cancel();
            } else {
                onClose.run();
            }
        };
        // a filter: the text fields and lists of the dialog would otherwise swallow Escape
        root.sceneProperty().addListener((o, old, sc) -> {
            if (old != null) {
                old.removeEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, escape);
            }
            if (sc != null) {
                sc.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, escape);
            }
        });
    }

    private void bindChoices(ExportChoicesViewModel c) {
        forms.setItems(c.forms());
        StringConverter<FormChoice> formText = new StringConverter<>() {
            @Override
            public String toString(FormChoice f) {
                return f == null ? "" : m.format("export.form.cell", f.name(), f.cachedLeads());
            }

            @Override
            public FormChoice fromString(String s) {
                return null;
            }
        };
        forms.setCellFactory(lv -> new CheckBoxListCell<>(FormChoice::selectedProperty, formText) {
            @Override
            public void updateItem(FormChoice f, boolean empty) {
                super.updateItem(f, empty);
                setTooltip(empty || f == null ? null : new Tooltip(f.name() + "\n" + f.pageName()));
                if (!empty && f != null && getGraphic() != null) {
                    // name and count in labels of their own: a right-to-left name never takes the count along
                    Label name = new Label(f.name());
                    name.getStyleClass().add("form-name");
                    name.setMinWidth(0);
                    Label count = new Label(f.countText(m));
                    count.getStyleClass().addAll("form-count", "text-muted");
                    count.setMinWidth(Label.USE_PREF_SIZE);
                    HBox line = new HBox(6, getGraphic(), name, count);
                    line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                    setText(null);
                    setGraphic(line);
                }
            }
        });
        c.loadedProperty().addListener((o, a, done) -> {
            for (int i = 0; i < c.forms().size(); i++) {
                if (c.forms().get(i).selectedProperty().get()) {
                    forms.scrollTo(i);
                    break;
                }
            }
        });
        allForms.setOnAction(e -> c.selectAllForms(true));
        noForms.setOnAction(e -> c.selectAllForms(false));
        io.leaddesk.ui.Formats days = new io.leaddesk.ui.Formats(zone, m.locale());
        io.leaddesk.ui.DateFields.use(dateFrom, days);
        io.leaddesk.ui.DateFields.use(dateUntil, days);
        dateFrom.valueProperty().bindBidirectional(c.dateFromProperty());
        dateUntil.valueProperty().bindBidirectional(c.dateUntilProperty());
        for (StatusChoice s : c.statuses()) {
            CheckBox box = new CheckBox(statusText(s.status()));
            box.selectedProperty().bindBidirectional(s.selectedProperty());
            statuses.getChildren().add(box);
        }
        newOnly.selectedProperty().bindBidirectional(c.newOnlyProperty());
        dedupe.selectedProperty().bindBidirectional(c.dedupeProperty());
        profile.setItems(c.profiles());
        cells(profile, this::profileName);
        profile.valueProperty().bindBidirectional(c.profileProperty());
        editProfile.setOnAction(e -> openProfileEditor());
    }

    private void bindFormat(ExportFormatViewModel f) {
        encoding.setItems(FXCollections.observableArrayList(ExportFormatViewModel.Encoding.values()));
        cells(encoding, enc -> switch (enc) {
            case UTF8 -> m.get("export.encoding.utf8");
            case UTF8_EXCEL -> m.get("export.encoding.utf8_excel");
            case WINDOWS_1251 -> m.get("export.encoding.windows_1251");
        });
        encoding.valueProperty().bindBidirectional(f.encodingProperty());
        fileFormat.setItems(FXCollections.observableArrayList(io.leaddesk.export.ExportFormat.values()));
        cells(fileFormat, ff -> ff == io.leaddesk.export.ExportFormat.XLSX ? m.get("export.fileFormat.xlsx") : m.get("export.fileFormat.csv"));
        fileFormat.valueProperty().bindBidirectional(f.fileFormatProperty());
        // a workbook has no encoding or separator
        encoding.disableProperty().bind(f.fileFormatProperty().isEqualTo(io.leaddesk.export.ExportFormat.XLSX));
        separator.disableProperty().bind(encoding.disableProperty());
        separator.setItems(FXCollections.observableArrayList(ExportFormatViewModel.Separator.values()));
        cells(separator, s -> switch (s) {
            case COMMA -> m.get("export.separator.comma");
            case SEMICOLON -> m.get("export.separator.semicolon");
            case TAB -> m.get("export.separator.tab");
        });
        separator.valueProperty().bindBidirectional(f.separatorProperty());
        formulaGuard.selectedProperty().bindBidirectional(f.formulaGuardProperty());
        e164.selectedProperty().bindBidirectional(f.e164Property());
        region.textProperty().bindBidirectional(f.regionProperty());
        io.leaddesk.ui.i18n.TextFit.promptTooltip(region);
        region.disableProperty().bind(f.e164Property().not());
        localTime.setText(vm.localTimeText());
        // on a computer in UTC the choice would read "UTC instead of UTC"
        localTime.setVisible(vm.localTimeDiffers());
        localTime.setManaged(localTime.isVisible());
        localTime.selectedProperty().bindBidirectional(f.localTimeProperty());
    }

    private void bindPreview(ExportPreviewViewModel p) {
        previewText.textProperty().bind(p.textProperty());
        preview.setItems(p.rows());
        preview.setFixedCellSize(28);
        p.rows().addListener((ListChangeListener<List<String>>) c -> sizeColumns());
        p.headerProperty().addListener((o, a, b) -> rebuildColumns(b));
        rebuildColumns(p.headerProperty().get());
    }

    private void bindRun(ExportRunViewModel r) {
        target.textProperty().bindBidirectional(r.targetProperty());
        chooseFile.setOnAction(e -> chooseFile());
        progressRow.visibleProperty().bind(r.runningProperty());
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        progress.progressProperty().bind(r.progressProperty());
        progressText.textProperty().bind(r.progressTextProperty());
        message.textProperty().bind(r.messageProperty());
        showWhenText(message);
        r.messageKindProperty().addListener((o, a, k) -> {
            message.getStyleClass().removeIf(s -> s.startsWith("message-"));
            message.getStyleClass().add("message-" + k.name().toLowerCase(Locale.ROOT));
        });
        cancelButton.visibleProperty().bind(r.runningProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        cancelButton.disableProperty().bind(r.cancellingProperty());
        cancelButton.setOnAction(e -> vm.cancel());
        options.disableProperty().bind(r.runningProperty());
        target.disableProperty().bind(r.runningProperty());
        chooseFile.disableProperty().bind(r.runningProperty());
    }

    private static void showWhenText(Label l) {
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
    }

    private void rebuildColumns(List<String> header) {
        preview.getColumns().clear();
        if (header == null) {
            return;
        }
        for (int i = 0; i < header.size(); i++) {
            int idx = i;
            String h = header.get(i);
            TableColumn<List<String>, String> col = new TableColumn<>(h);
            col.setSortable(false);
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(idx < c.getValue().size() ? c.getValue().get(idx) : ""));
            preview.getColumns().add(col);
        }
        sizeColumns();
    }

    /** Each column as wide as its header or its widest previewed value (within limits), so ids show in full. */
    private void sizeColumns() {
        List<TableColumn<List<String>, ?>> cols = preview.getColumns();
        Text measure = new Text();
        Font font = Font.font(13);
        for (int i = 0; i < cols.size(); i++) {
            measure.setFont(Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
            measure.setText(cols.get(i).getText());
            double w = measure.getLayoutBounds().getWidth() + 12;
            measure.setFont(font);
            for (List<String> row : vm.preview().rows()) {
                if (i < row.size()) {
                    measure.setText(row.get(i));
                    w = Math.max(w, measure.getLayoutBounds().getWidth());
                }
            }
            cols.get(i).setPrefWidth(Math.max(64, Math.min(300, w + 30)));
        }
    }

    private String statusText(ReviewStatus s) {
        return m.status(s);
    }

    private static <T> void cells(ComboBox<T> box, Function<T, String> text) {
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : text.apply(item));
            }
        });
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : text.apply(item));
            }
        });
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle(m.get("export.chooser.title"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(m.get("export.chooser.csv"), "*.csv"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(m.get("export.fileFormat.xlsx"), "*.xlsx"));
        try {
            Path current = vm.run().targetFile();
            if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
                fc.setInitialDirectory(current.getParent().toFile());
            }
            fc.setInitialFileName(current.getFileName().toString());
        } catch (RuntimeException e) {
            // no usable current path: the chooser starts where the OS likes
        }
        File f = fc.showSaveDialog(window());
        if (f != null) {
            vm.run().setTarget(f.toPath());
        }
    }

    /** A profile's name in the app's language; CRM brand names and the user's own profile names stay as they are. */
    private String profileName(ExportProfile p) {
        if (p == io.leaddesk.export.BuiltInProfile.META) {
            return m.get("export.profile.builtin.meta");
        }
        if (p == io.leaddesk.export.BuiltInProfile.SALESFORCE) {
            return m.get("export.profile.builtin.salesforce");
        }
        return p.displayName();
    }

    @Override
    public boolean confirmReplace(Path file) {
        ButtonType replace = new ButtonType(m.get("export.replace.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(m.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, m.format("export.replace.text", vm.run().pathText(file)), replace, cancel);
        a.initOwner(window());
        a.setTitle(m.get("export.replace.title"));
        a.setHeaderText(null);
        Optional<ButtonType> r = a.showAndWait();
        return r.isPresent() && r.get() == replace;
    }

    private void openProfileEditor() {
        ProfileEditorViewModel evm = vm.profileEditor();
        ProfileEditorView view = new ProfileEditorView(evm, m);
        Dialog<Void> d = new Dialog<>();
        d.initOwner(window());
        d.setTitle(m.get("export.profile.title"));
        d.setResizable(true);
        d.getDialogPane().setContent(view.root());
        d.getDialogPane().getButtonTypes().setAll(new ButtonType(m.get("common.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        if (root.getScene() != null) {
            d.getDialogPane().getStylesheets().addAll(root.getScene().getStylesheets());
        }
        d.show();
    }

    /** For tests and screenshots. */
    public TableView<List<String>> previewTable() {
        return preview;
    }
}
