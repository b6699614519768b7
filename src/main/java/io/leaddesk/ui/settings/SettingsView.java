package io.leaddesk.ui.settings;

import io.leaddesk.store.AppSettings;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The settings form shown in a dialog; binds to {@link SettingsViewModel} and, for support, {@link DiagnosticsViewModel}. */
public final class SettingsView {
    private final SettingsViewModel vm;
    private final DiagnosticsViewModel diagnostics;
    private final Messages m;
    private final VBox root;

    @FXML private TextField graphVersion;
    @FXML private TextField dataFolder;
    @FXML private ComboBox<String> theme;
    @FXML private TextField defaultRegion;
    @FXML private ComboBox<String> language;
    @FXML private Label languageNote;
    @FXML private Label folderNote;
    @FXML private Label error;
    @FXML private Button copyDiagnostics;
    @FXML private Label diagnosticsNote;

    public SettingsView(SettingsViewModel vm, DiagnosticsViewModel diagnostics, Messages messages) {
        this.vm = vm;
        this.diagnostics = diagnostics;
        this.m = messages;
        this.root = Views.load(SettingsView.class, "SettingsView.fxml", this, messages);
    }

    public VBox root() {
        return root;
    }

    @FXML
    private void initialize() {
        graphVersion.textProperty().bindBidirectional(vm.graphVersionProperty());
        dataFolder.textProperty().bindBidirectional(vm.dataFolderProperty());
        defaultRegion.textProperty().bindBidirectional(vm.defaultRegionProperty());
        io.leaddesk.ui.i18n.TextFit.promptTooltip(defaultRegion);
        theme.setItems(FXCollections.observableArrayList(SettingsViewModel.THEMES));
        theme.setCellFactory(lv -> new ThemeCell());
        theme.setButtonCell(new ThemeCell());
        theme.valueProperty().bindBidirectional(vm.themeProperty());
        language.setItems(FXCollections.observableArrayList(SettingsViewModel.LANGUAGES));
        language.setCellFactory(lv -> new LanguageCell());
        language.setButtonCell(new LanguageCell());
        language.valueProperty().bindBidirectional(vm.languageProperty());
        languageNote.textProperty().bind(vm.languageNoteProperty());
        languageNote.visibleProperty().bind(languageNote.textProperty().isNotEmpty());
        languageNote.managedProperty().bind(languageNote.visibleProperty());
        folderNote.textProperty().bind(vm.dataFolderNoteProperty());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        copyDiagnostics.setOnAction(e -> diagnostics.copy());
        copyDiagnostics.disableProperty().bind(diagnostics.runningProperty());
        diagnosticsNote.textProperty().bind(Bindings.when(diagnostics.errorProperty().isEmpty())
                .then(diagnostics.messageProperty()).otherwise(diagnostics.errorProperty()));
        // a note that appears (the language applies at the next start, a failed save) makes the dialog taller,
        // not the texts under it shorter: they would be cut to "…"
        for (Label l : new Label[] {languageNote, folderNote, error, diagnosticsNote}) {
            l.textProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(() -> {
                if (root.getScene() != null && root.getScene().getWindow() != null) {
                    root.getScene().getWindow().sizeToScene();
                }
            }));
        }
    }

    private final class LanguageCell extends ListCell<String> {
        @Override
        protected void updateItem(String tag, boolean empty) {
            super.updateItem(tag, empty);
            setText(empty || tag == null ? "" : vm.languageName(tag));
        }
    }

    private final class ThemeCell extends ListCell<String> {
        @Override
        protected void updateItem(String t, boolean empty) {
            super.updateItem(t, empty);
            setText(empty || t == null ? "" : AppSettings.DARK.equals(t) ? m.get("settings.theme.dark") : m.get("settings.theme.light"));
        }
    }
}
