package io.leaddesk.ui.live;

import io.leaddesk.ui.Messages;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Settings dialog's "new leads" section; binds to {@link LiveSettingsViewModel} only. */
public final class LiveSettingsView {
    private final VBox root = new VBox(8);

    public LiveSettingsView(LiveSettingsViewModel vm, Messages m) {
        Label header = new Label(m.get("live.app.settings.header"));
        header.getStyleClass().add("section-header");
        ComboBox<Integer> check = new ComboBox<>(FXCollections.observableArrayList(LiveSettingsViewModel.CHOICES));
        check.setId("liveCheck");
        check.setCellFactory(lv -> new ChoiceCell(vm));
        check.setButtonCell(new ChoiceCell(vm));
        check.valueProperty().bindBidirectional(vm.checkMinutesProperty());
        Label checkLabel = new Label(m.get("live.settings.check"));
        checkLabel.setLabelFor(check);
        HBox checkRow = new HBox(10, checkLabel, check);
        checkRow.setAlignment(Pos.CENTER_LEFT);
        CheckBox notify = new CheckBox(m.get("live.settings.notifications"));
        notify.setId("liveNotify");
        notify.selectedProperty().bindBidirectional(vm.notificationsProperty());
        CheckBox names = new CheckBox(m.get("live.settings.showNames"));
        names.setId("liveShowNames");
        names.selectedProperty().bindBidirectional(vm.showNamesProperty());
        names.disableProperty().bind(vm.notificationsProperty().not());
        Label hint = new Label(m.get("live.app.settings.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wraps whole, never cut to "…"
        hint.getStyleClass().add("text-muted");
        root.getChildren().setAll(new Separator(), header, checkRow, notify, names, hint);
    }

    public VBox root() {
        return root;
    }

    private static final class ChoiceCell extends ListCell<Integer> {
        private final LiveSettingsViewModel vm;

        ChoiceCell(LiveSettingsViewModel vm) {
            this.vm = vm;
        }

        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : vm.choiceText(item));
        }
    }
}
