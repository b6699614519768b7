package io.leaddesk.ui.workspace;

import io.leaddesk.store.ReviewStatus;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.leads.LeadsTableViewModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.util.Callback;
import org.controlsfx.control.PopOver;

/**
 * The search box and the filters. The filters open in a popover under the Filters button (so the bar never wraps onto
 * several rows in a narrow window); the button counts the active filters and "Clear" beside it clears them. Escape in
 * the search box clears the search.
 */
final class FilterBar {
    private final LeadsTableViewModel leads;
    private final Messages m;
    private final ToggleButton toggle;
    private final PopOver popover = new PopOver();
    private final GridPane grid = new GridPane();
    final DatePicker dateFrom = new DatePicker();
    final DatePicker dateTo = new DatePicker();
    final ComboBox<LeadsTableViewModel.Platform> platform = new ComboBox<>();
    final ComboBox<LeadsTableViewModel.Organic> organic = new ComboBox<>();
    final ComboBox<ReviewStatus> status = new ComboBox<>();

    FilterBar(LeadsTableViewModel leads, Messages m, TextField search, ToggleButton toggle, Button clearShort, Label count,
              Label feedback) {
        this.leads = leads;
        this.m = m;
        this.toggle = toggle;
        search.textProperty().bindBidirectional(leads.searchProperty());
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                leads.clearSearch();
                e.consume();
            }
        });
        search.setTooltip(new Tooltip(m.get("leads.search.tooltip")));
        count.textProperty().bind(leads.countTextProperty());
        feedback.textProperty().bind(leads.feedbackProperty());
        feedback.visibleProperty().bind(leads.feedbackProperty().isNotEmpty());
        feedback.managedProperty().bind(feedback.visibleProperty());
        toggle.textProperty().bind(Bindings.createStringBinding(() -> leads.activeFiltersProperty().get() > 0
                ? m.format("leads.filters.active", leads.activeFiltersProperty().get()) : m.get("leads.filters"),
                leads.activeFiltersProperty()));
        toggle.setTooltip(new Tooltip(m.get("leads.filters.tooltip")));
        clearShort.visibleProperty().bind(leads.activeFiltersProperty().greaterThan(0));
        clearShort.managedProperty().bind(clearShort.visibleProperty());
        clearShort.setOnAction(e -> leads.clearFilters());
        clearShort.setTooltip(new Tooltip(m.get("leads.filter.clear")));
        buildPopover();
        toggle.selectedProperty().addListener((o, a, on) -> {
            if (on && !popover.isShowing()) {
                popover.show(toggle);
                dateFrom.requestFocus();
            } else if (!on && popover.isShowing()) {
                popover.hide();
            }
        });
        popover.setOnHidden(e -> toggle.setSelected(false));
    }

    private void buildPopover() {
        dateFrom.valueProperty().bindBidirectional(leads.dateFromProperty());
        dateTo.valueProperty().bindBidirectional(leads.dateToProperty());
        dateFrom.setPrefWidth(140);
        dateTo.setPrefWidth(140);
        dateFrom.setId("filterFrom");
        dateTo.setId("filterTo");
        combo(platform, Arrays.asList(LeadsTableViewModel.Platform.values()), p -> switch (p) {
            case ALL -> m.get("platform.all");
            case FACEBOOK -> m.get("platform.fb");
            case INSTAGRAM -> m.get("platform.ig");
        });
        platform.valueProperty().bindBidirectional(leads.platformProperty());
        combo(organic, Arrays.asList(LeadsTableViewModel.Organic.values()), o -> switch (o) {
            case ALL -> m.get("organic.all");
            case ORGANIC -> m.get("organic.organic");
            case PAID -> m.get("organic.paid");
        });
        organic.valueProperty().bindBidirectional(leads.organicProperty());
        List<ReviewStatus> statuses = new ArrayList<>();
        statuses.add(null);
        statuses.addAll(Arrays.asList(ReviewStatus.values()));
        status.setPromptText(m.get("review.any"));
        combo(status, statuses, s -> s == null ? m.get("review.any") : m.status(s));
        status.valueProperty().bindBidirectional(leads.statusProperty());
        platform.setId("filterPlatform");
        organic.setId("filterOrganic");
        status.setId("filterStatus");
        for (ComboBox<?> c : List.of(platform, organic, status)) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        Button clear = new Button(m.get("leads.filter.clear"));
        clear.setId("clearFilters");
        clear.getStyleClass().add("flat");
        clear.setOnAction(e -> leads.clearFilters());
        Button done = new Button(m.get("leads.filter.done"));
        done.setDefaultButton(false);
        done.setOnAction(e -> popover.hide());
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(m.get("leads.filter.from")), dateFrom, new Label(m.get("leads.filter.to")), dateTo);
        grid.addRow(1, new Label(m.get("leads.filter.platform")), platform);
        GridPane.setColumnSpan(platform, 3);
        grid.addRow(2, new Label(m.get("leads.filter.organic")), organic);
        GridPane.setColumnSpan(organic, 3);
        grid.addRow(3, new Label(m.get("leads.filter.status")), status);
        GridPane.setColumnSpan(status, 3);
        grid.add(clear, 0, 4, 2, 1);
        grid.add(done, 3, 4);
        grid.getStyleClass().add("filters-popover");
        popover.setContentNode(grid);
        popover.setArrowLocation(PopOver.ArrowLocation.TOP_CENTER);
        popover.setDetachable(false);
        popover.setAutoHide(true);
        popover.setAnimated(false);
        popover.setHeaderAlwaysVisible(false);
        // Escape closes the filters and gives the focus back to their button
        grid.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                popover.hide();
                toggle.requestFocus();
                e.consume();
            }
        });
    }

    PopOver popover() {
        return popover;
    }

    private static <T> void combo(ComboBox<T> box, List<T> values, Function<T, String> text) {
        box.setItems(FXCollections.observableArrayList(values));
        Callback<javafx.scene.control.ListView<T>, ListCell<T>> cells = lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? box.getPromptText() : text.apply(item));
            }
        };
        box.setCellFactory(cells);
        box.setButtonCell(cells.call(null));
    }
}
