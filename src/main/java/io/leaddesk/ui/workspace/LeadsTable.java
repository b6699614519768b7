package io.leaddesk.ui.workspace;

import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadSort;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.UiState;
import io.leaddesk.ui.leads.LeadRowList;
import io.leaddesk.ui.leads.LeadsTableViewModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The leads table of the workspace: columns (the user's choice and order, remembered), sorting done by the store
 * with the arrow shown, long values ellipsized with the whole value in a tooltip, and the row menu (right-click, the
 * context-menu key or Shift+F10): copy e-mail, copy phone, set review status, open in detail.
 */
final class LeadsTable {
    private final WorkspaceViewModel vm;
    private final LeadsTableViewModel leads;
    private final Messages m;
    private final Formats formats;
    private final TableView<LeadRow> table;
    private final Map<String, TableColumn<LeadRow, String>> byId = new HashMap<>();
    private final ContextMenu menu = new ContextMenu();
    private final Runnable openDetail;
    private boolean applyingLayout;
    /** Issue 14: {@code .table-row-cell:new-lead}, bold in app.css. */
    static final javafx.css.PseudoClass NEW_LEAD = javafx.css.PseudoClass.getPseudoClass("new-lead");

    LeadsTable(WorkspaceViewModel vm, Messages m, Formats formats, TableView<LeadRow> table, Label placeholder,
               Runnable openDetail) {
        this.vm = vm;
        this.leads = vm.leads();
        this.m = m;
        this.formats = formats;
        this.table = table;
        this.openDetail = openDetail;
        placeholder.textProperty().bind(leads.emptyTextProperty());
        for (TableColumn<LeadRow, ?> c : table.getColumns()) {
            @SuppressWarnings("unchecked")
            TableColumn<LeadRow, String> col = (TableColumn<LeadRow, String>) c;
            byId.put((String) col.getUserData(), col);
        }
        bindRows();
        bindColumns();
        bindSort();
        rememberLayout();
        bindMenu();
    }

    /**
     * True while the table takes a new row list: TableView then clears its sort order (it only keeps it for a
     * SortedList), which must neither reach the store as "newest first" nor hide the arrow.
     */
    private boolean rowsSwapping;

    private void bindRows() {
        // before the binding: this listener runs first, so the sort policy knows the coming clear is not the user's
        leads.rowsProperty().addListener((javafx.beans.Observable o) -> rowsSwapping = true);
        table.itemsProperty().bind(leads.rowsProperty());
        table.itemsProperty().addListener((o, a, b) -> {
            try {
                showSortArrow();
            } finally {
                rowsSwapping = false;
            }
            table.getSelectionModel().clearSelection();
        });
        table.setFixedCellSize(28);
        leads.rowsVersionProperty().addListener((o, a, b) -> table.refresh());
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> leads.select(b.intValue()));
        leads.selectIndexRequestProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && table.getSelectionModel().getSelectedIndex() != b.intValue()) {
                table.getSelectionModel().clearAndSelect(b.intValue());
            }
        });
    }

    private void bindColumns() {
        column("CREATED", r -> formats.dateTime(r.createdEpochSecond()));
        byId.get("NAME").setCellValueFactory(c -> LeadRowList.isLoaded(c.getValue()) ? text(c.getValue(), LeadRow::name)
                : new ReadOnlyStringWrapper(m.get("leads.loading")));
        column("EMAIL", LeadRow::email);
        column("PHONE", LeadRow::phone);
        column("PLATFORM", r -> r.platform() == null ? "" : switch (r.platform()) {
            case "fb" -> m.get("platform.fb");
            case "ig" -> m.get("platform.ig");
            default -> r.platform();
        });
        column("ORGANIC", r -> r.organic() == null ? "" : r.organic() ? m.get("common.yes") : m.get("common.no"));
        column("CAMPAIGN", r -> join(r.campaignName(), r.adName()));
        column("STATUS", r -> r.status() == null ? "" : m.status(r.status()));
        column("FORM", r -> {
            TreeEntry f = vm.form(r.formId());
            return f == null ? r.formId() : f.name();
        });
        for (TableColumn<LeadRow, String> c : byId.values()) {
            c.setCellFactory(col -> new TextCell());
        }
        // wide enough for the locale's longest date and time, whatever the language
        javafx.scene.text.Text measure = new javafx.scene.text.Text(formats.dateTime(
                java.time.LocalDateTime.of(2026, 12, 28, 12, 58).atZone(formats.zone()).toEpochSecond()));
        measure.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), 13));
        byId.get("CREATED").setPrefWidth(Math.ceil(measure.getLayoutBounds().getWidth()) + 22);
        headerTips.put(byId.get("CREATED"), new Tooltip(m.format("leads.col.created.tooltip", formats.zoneName())));
        headerTips.put(byId.get("PHONE"), new Tooltip(m.get("leads.col.phone.tooltip")));
        Tooltip sortable = new Tooltip(m.get("leads.col.sort.tooltip"));
        byId.values().stream().filter(c -> !headerTips.containsKey(c)).forEach(c -> headerTips.put(c, sortable));
        table.skinProperty().addListener((o, a, b) -> installHeaderTips());
        table.getColumns().addListener((ListChangeListener<TableColumn<LeadRow, ?>>) c ->
                javafx.application.Platform.runLater(this::installHeaderTips));
    }

    private final Map<TableColumn<LeadRow, ?>, Tooltip> headerTips = new HashMap<>();

    /** Column headers are the skin's: their tooltips go on once it has made them (again after a move). */
    private void installHeaderTips() {
        javafx.application.Platform.runLater(() -> {
            for (Node n : table.lookupAll(".column-header")) {
                if (n instanceof javafx.scene.control.skin.TableColumnHeader h && headerTips.containsKey(h.getTableColumn())) {
                    Tooltip.install(h, headerTips.get(h.getTableColumn()));
                }
            }
        });
    }

    private void column(String id, Function<LeadRow, String> f) {
        byId.get(id).setCellValueFactory(c -> text(c.getValue(), f));
    }

    /** A cell that never breaks its value: one line, "…" when too long, the whole value in a tooltip. */
    private static final class TextCell extends TableCell<LeadRow, String> {
        private final Tooltip tip = new Tooltip();

        TextCell() {
            setTextOverrun(OverrunStyle.ELLIPSIS);
            tip.setWrapText(true);
            tip.setMaxWidth(480);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            String t = empty || item == null ? "" : item;
            setText(t);
            tip.setText(t);
            setTooltip(t.isEmpty() ? null : tip);
        }
    }

    private void bindSort() {
        boolean was = rowsSwapping;
        rowsSwapping = true; // setting the policy runs it at once, on an empty sort order: not the user's choice
        try {
            setSortPolicy();
            showSortArrow(); // the arrow shows the store's order, remembered from the last run
        } finally {
            rowsSwapping = was;
        }
    }

    private void setSortPolicy() {
        table.setSortPolicy(t -> {
            if (rowsSwapping) {
                return true; // the store's order stays; the arrow is put back once the rows are in
            }
            if (t.getSortOrder().isEmpty()) {
                leads.sortBy(LeadSort.CREATED, true);
            } else {
                TableColumn<LeadRow, ?> col = t.getSortOrder().get(0);
                leads.sortBy(LeadSort.valueOf((String) col.getUserData()), col.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true;
        });
    }

    /** The arrow on the column the store sorts by (never a sort of its own: the policy ignores it). */
    private void showSortArrow() {
        TableColumn<LeadRow, String> sorted = byId.getOrDefault(leads.sort().name(), byId.get("CREATED"));
        TableColumn.SortType type = leads.descending() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING;
        if (sorted.getSortType() != type) {
            sorted.setSortType(type);
        }
        if (!table.getSortOrder().equals(List.of(sorted))) {
            table.getSortOrder().setAll(List.of(sorted));
        }
    }

    /** Applies the remembered columns, then remembers every move, show or hide (the column menu, dragging headers). */
    private void rememberLayout() {
        UiState.Table t = leads.columnLayout();
        applyingLayout = true;
        try {
            if (t.order() != null) {
                List<TableColumn<LeadRow, ?>> ordered = new ArrayList<>();
                for (String id : t.order()) {
                    if (byId.containsKey(id)) {
                        ordered.add(byId.get(id));
                    }
                }
                for (TableColumn<LeadRow, ?> c : table.getColumns()) {
                    if (!ordered.contains(c)) {
                        ordered.add(c);
                    }
                }
                table.getColumns().setAll(ordered);
            }
            if (t.hidden() != null) {
                byId.forEach((id, c) -> c.setVisible(!t.hidden().contains(id)));
            }
        } finally {
            applyingLayout = false;
        }
        table.getColumns().addListener((ListChangeListener<TableColumn<LeadRow, ?>>) c -> layoutChanged());
        byId.values().forEach(c -> c.visibleProperty().addListener((o, a, b) -> layoutChanged()));
    }

    private void layoutChanged() {
        if (applyingLayout) {
            return;
        }
        List<String> order = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (TableColumn<LeadRow, ?> c : table.getColumns()) {
            String id = (String) c.getUserData();
            order.add(id);
            if (!c.isVisible()) {
                hidden.add(id);
            }
        }
        leads.columnsChanged(order, hidden);
    }

    // ---- the row menu ---------------------------------------------------------------------------

    private void bindMenu() {
        RowActions actions = vm.rowActions();
        MenuItem copyEmail = new MenuItem(m.get("leads.menu.copyEmail"));
        MenuItem copyPhone = new MenuItem(m.get("leads.menu.copyPhone"));
        Menu status = new Menu(m.get("leads.menu.status"));
        for (ReviewStatus s : ReviewStatus.values()) {
            MenuItem it = new MenuItem(m.status(s));
            it.setOnAction(e -> actions.setStatusOf(selected(), s));
            status.getItems().add(it);
        }
        MenuItem open = new MenuItem(m.get("leads.menu.open"));
        copyEmail.setOnAction(e -> actions.copyEmailOf(selected()));
        copyPhone.setOnAction(e -> actions.copyPhoneOf(selected()));
        open.setOnAction(e -> {
            actions.open(selected());
            openDetail.run();
        });
        copyEmail.setId("menuCopyEmail");
        copyPhone.setId("menuCopyPhone");
        status.setId("menuStatus");
        open.setId("menuOpen");
        menu.getItems().setAll(copyEmail, copyPhone, status, open);
        menu.setOnShowing(e -> {
            int i = selected();
            copyEmail.setDisable(!actions.hasEmail(i));
            copyPhone.setDisable(!actions.hasPhone(i));
            status.setDisable(i < 0);
            open.setDisable(i < 0);
        });
        table.setRowFactory(t -> {
            TableRow<LeadRow> row = new TableRow<>() {
                @Override
                protected void updateItem(LeadRow item, boolean empty) {
                    super.updateItem(item, empty);
                    // issue 14: a new lead (not yet opened nor marked seen) is bold
                    pseudoClassStateChanged(NEW_LEAD, !empty && item != null && item.isNew());
                }
            };
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(menu));
            return row;
        });
        // the keyboard's context-menu key and Shift+F10 open the menu on the selected row
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.CONTEXT_MENU || (e.getCode() == KeyCode.F10 && e.isShiftDown())) {
                e.consume();
                showMenuAtSelection();
            }
        });
    }

    private int selected() {
        return table.getSelectionModel().getSelectedIndex();
    }

    /** Opens the row menu under the selected row (or the table's top when nothing is selected). */
    void showMenuAtSelection() {
        if (selected() < 0 && !table.getItems().isEmpty()) {
            table.getSelectionModel().clearAndSelect(0);
        }
        Node anchor = table;
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && r.getIndex() == selected() && r.isVisible()) {
                anchor = r;
            }
        }
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        if (b == null) {
            return;
        }
        menu.show(anchor, Side.BOTTOM, 24, -b.getHeight() / 2);
    }

    /** The width the first five visible columns take (and the table's border and scroll bar). */
    double fiveColumnsWidth() {
        return table.getVisibleLeafColumns().stream().limit(5).mapToDouble(TableColumn::getPrefWidth).sum() + 20;
    }

    ContextMenu menu() {
        return menu;
    }

    private static ReadOnlyStringWrapper text(LeadRow r, Function<LeadRow, String> f) {
        if (r == null || !LeadRowList.isLoaded(r)) {
            return new ReadOnlyStringWrapper("");
        }
        String v = f.apply(r);
        return new ReadOnlyStringWrapper(v == null ? "" : v);
    }

    private static String join(String a, String b) {
        boolean ha = a != null && !a.isBlank();
        boolean hb = b != null && !b.isBlank();
        return ha && hb ? a + " / " + b : ha ? a : hb ? b : "";
    }
}
