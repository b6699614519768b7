package io.leaddesk.ui.export;

import io.leaddesk.ui.Messages;
import io.leaddesk.ui.Views;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

/** The custom-profile editor: binds to {@link ProfileEditorViewModel}. */
public final class ProfileEditorView {
    private final ProfileEditorViewModel vm;
    private final VBox root;

    @FXML private TextField name;
    @FXML private ListView<String> sources;
    @FXML private Button add;
    @FXML private Button remove;
    @FXML private Button up;
    @FXML private Button down;
    @FXML private TableView<ProfileEditorViewModel.Column> columns;
    @FXML private TableColumn<ProfileEditorViewModel.Column, String> colSource;
    @FXML private TableColumn<ProfileEditorViewModel.Column, String> colHeader;
    @FXML private Button save;
    @FXML private Button delete;
    @FXML private Label message;

    private final Messages m;

    public ProfileEditorView(ProfileEditorViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
        this.root = Views.load(ProfileEditorView.class, "ProfileEditorView.fxml", this, messages);
    }

    public VBox root() {
        return root;
    }

    @FXML
    private void initialize() {
        name.textProperty().bindBidirectional(vm.nameProperty());
        sources.setItems(vm.sources());
        sources.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                addSelected();
            }
        });
        columns.setItems(vm.columns());
        colSource.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().source()));
        colHeader.setCellValueFactory(c -> c.getValue().headerProperty());
        colHeader.setCellFactory(TextFieldTableCell.forTableColumn());
        add.setOnAction(e -> addSelected());
        add.disableProperty().bind(sources.getSelectionModel().selectedItemProperty().isNull());
        var selected = columns.getSelectionModel().selectedIndexProperty();
        remove.disableProperty().bind(selected.lessThan(0));
        up.disableProperty().bind(selected.lessThan(1));
        down.disableProperty().bind(selected.lessThan(0).or(selected.greaterThanOrEqualTo(javafx.beans.binding.Bindings.size(vm.columns()).subtract(1))));
        remove.setOnAction(e -> vm.remove(columns.getSelectionModel().getSelectedIndex()));
        up.setOnAction(e -> columns.getSelectionModel().clearAndSelect(vm.moveUp(columns.getSelectionModel().getSelectedIndex())));
        down.setOnAction(e -> columns.getSelectionModel().clearAndSelect(vm.moveDown(columns.getSelectionModel().getSelectedIndex())));
        add.setTooltip(new javafx.scene.control.Tooltip(m.get("export.profile.add.tooltip")));
        remove.setTooltip(new javafx.scene.control.Tooltip(m.get("export.profile.remove.tooltip")));
        up.setTooltip(new javafx.scene.control.Tooltip(m.get("export.profile.up.tooltip")));
        down.setTooltip(new javafx.scene.control.Tooltip(m.get("export.profile.down.tooltip")));
        bindKeys();
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.save());
        delete.disableProperty().bind(vm.nameProperty().isEmpty());
        delete.setOnAction(e -> vm.delete());
        message.textProperty().bind(vm.messageProperty());
        vm.errorProperty().addListener((o, a, err) -> {
            message.getStyleClass().remove("inline-error");
            if (err) {
                message.getStyleClass().add("inline-error");
            }
        });
    }

    /** The whole editor by keyboard: Enter adds, Delete removes, Alt+Up/Down move, F2 (or Enter) renames. */
    private void bindKeys() {
        sources.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                addSelected();
                e.consume();
            }
        });
        columns.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int i = columns.getSelectionModel().getSelectedIndex();
            if (columns.getEditingCell() != null || i < 0) {
                return;
            }
            if (e.getCode() == KeyCode.DELETE) {
                vm.remove(i);
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                columns.getSelectionModel().clearAndSelect(vm.moveUp(i));
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                columns.getSelectionModel().clearAndSelect(vm.moveDown(i));
                e.consume();
            } else if (e.getCode() == KeyCode.F2 || e.getCode() == KeyCode.ENTER) {
                columns.edit(i, colHeader);
                e.consume();
            }
        });
    }

    /** For tests: the parts of the editor. */
    ListView<String> sourcesList() {
        return sources;
    }

    TableView<ProfileEditorViewModel.Column> columnsTable() {
        return columns;
    }

    private void addSelected() {
        String s = sources.getSelectionModel().getSelectedItem();
        if (s != null) {
            columns.getSelectionModel().clearAndSelect(vm.add(s));
        }
    }
}
