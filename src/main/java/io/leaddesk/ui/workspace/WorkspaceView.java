package io.leaddesk.ui.workspace;

import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadSort;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.Views;
import io.leaddesk.ui.access.TokenLifeViewModel;
import io.leaddesk.ui.detail.LeadDetailView;
import io.leaddesk.ui.leads.LeadRowList;
import io.leaddesk.ui.leads.LeadsTableViewModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import org.controlsfx.control.StatusBar;

/** The workspace window content: toolbar, tree | leads table | detail, status bar. Binds and forwards only. */
public final class WorkspaceView {
    /** Opens the Access view (the toolbar's "Access"). */
    static final String ACCESS_KEY = "Shortcut+Shift+A";
    private static final javafx.css.PseudoClass WARNING = javafx.css.PseudoClass.getPseudoClass("warning");
    private final WorkspaceViewModel vm;
    private final Messages m;
    private final Formats formats;
    private final Runnable onSettings;
    private final LeadDetailView detailView;
    private final BorderPane root;
    private final Map<TreeEntry, TreeItem<TreeEntry>> items = new HashMap<>();
    private Runnable onImport = () -> { };

    @FXML private Button syncSelected;
    @FXML private Button syncAll;
    @FXML private Button cancel;
    @FXML private Button export;
    @FXML private Button access;
    @FXML private Label tokenLife;
    @FXML private Button noticeAction;
    @FXML private Button importDownload;
    @FXML private Label identity;
    @FXML private Button settings;
    @FXML private Button signOut;
    @FXML private javafx.scene.layout.HBox noticeBar;
    @FXML private Label noticeText;
    @FXML private Button noticeClose;
    @FXML private SplitPane split;
    @FXML private TreeView<TreeEntry> tree;
    @FXML private TextField search;
    @FXML private ToggleButton filtersToggle;
    @FXML private Label count;
    @FXML private FlowPane filters;
    @FXML private DatePicker dateFrom;
    @FXML private DatePicker dateTo;
    @FXML private ComboBox<LeadsTableViewModel.Platform> platform;
    @FXML private ComboBox<LeadsTableViewModel.Organic> organic;
    @FXML private ComboBox<ReviewStatus> status;
    @FXML private Button clearFilters;
    @FXML private TableView<LeadRow> table;
    @FXML private TableColumn<LeadRow, String> colCreated;
    @FXML private TableColumn<LeadRow, String> colName;
    @FXML private TableColumn<LeadRow, String> colEmail;
    @FXML private TableColumn<LeadRow, String> colPhone;
    @FXML private TableColumn<LeadRow, String> colPlatform;
    @FXML private TableColumn<LeadRow, String> colOrganic;
    @FXML private TableColumn<LeadRow, String> colCampaign;
    @FXML private TableColumn<LeadRow, String> colStatus;
    @FXML private Label tableError;
    @FXML private StackPane detailHolder;
    @FXML private StatusBar statusBar;

    public WorkspaceView(WorkspaceViewModel vm, Messages messages, Formats formats, Runnable onSettings) {
        this.vm = vm;
        this.m = messages;
        this.formats = formats;
        this.onSettings = onSettings;
        this.detailView = new LeadDetailView(vm.detail(), messages);
        this.root = Views.load(WorkspaceView.class, "WorkspaceView.fxml", this, messages);
        root.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                removeShortcuts(old);
            }
            if (scene != null) {
                addShortcuts(scene);
            }
        });
    }

    public BorderPane root() {
        return root;
    }

    /** What "Import Meta download…" (toolbar, Ctrl+I) does; until set the button is disabled (issue 17). */
    public void setOnImport(Runnable r) {
        onImport = r == null ? () -> { } : r;
        importDownload.setDisable(r == null);
    }

    @FXML
    private void initialize() {
        detailHolder.getChildren().setAll(detailView.root());
        bindToolbar();
        bindTree();
        bindFilters();
        bindTable();
        io.leaddesk.ui.i18n.TextFit.columnsFitHeaders(table);
        statusBar.textProperty().bind(vm.statusTextProperty());
        statusBar.progressProperty().bind(Bindings.when(vm.syncingProperty()).then(vm.progressProperty()).otherwise(0.0));
        noticeBar.setVisible(false);
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());
        noticeClose.setOnAction(e -> noticeBar.setVisible(false));
        noticeAction.managedProperty().bind(noticeAction.visibleProperty());
        noticeAction.setVisible(false);
        noticeAction.setOnAction(e -> vm.access().open());
        vm.noticeProperty().addListener((o, a, n) -> {
            if (n != null) {
                noticeBar.getStyleClass().removeIf(s -> s.startsWith("notice-") && !s.equals("notice-bar"));
                noticeBar.getStyleClass().add("notice-" + n.kind().name().toLowerCase(java.util.Locale.ROOT));
                noticeText.setText(n.text());
                noticeAction.setText(n.action() == null ? "" : n.action());
                noticeAction.setVisible(n.action() != null);
                noticeBar.setVisible(true);
            }
        });
    }

    private void addShortcuts(Scene scene) {
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+F"), () -> {
            search.requestFocus();
            search.selectAll();
        });
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+R"), vm::syncSelected);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+E"), vm::onExport);
        scene.getAccelerators().put(KeyCombination.keyCombination(ACCESS_KEY), vm.access()::open);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+I"), () -> onImport.run());
    }

    private void removeShortcuts(Scene scene) {
        for (String k : new String[] {"Shortcut+F", "Shortcut+R", "Shortcut+E", ACCESS_KEY, "Shortcut+I"}) {
            scene.getAccelerators().remove(KeyCombination.keyCombination(k));
        }
    }

    private void bindToolbar() {
        syncSelected.disableProperty().bind(vm.canSyncProperty().not());
        syncAll.disableProperty().bind(vm.canSyncProperty().not());
        cancel.disableProperty().bind(vm.syncingProperty().not().or(vm.cancellingProperty()));
        export.disableProperty().bind(vm.exportAvailableProperty().not());
        syncSelected.setTooltip(new Tooltip("Ctrl+R"));
        export.setTooltip(new Tooltip("Ctrl+E"));
        access.disableProperty().bind(vm.access().availableProperty().not());
        access.setTooltip(new Tooltip(m.format("workspace.access.tooltip", "Ctrl+Shift+A")));
        access.setOnAction(e -> vm.access().open());
        bindTokenLife();
        importDownload.setTooltip(new Tooltip(m.get("workspace.import") + "\n" + m.get("workspace.import.tooltip")));
        importDownload.setDisable(true);
        importDownload.setOnAction(e -> onImport.run());
        identity.textProperty().bind(vm.identityProperty());
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(vm.identityProperty()); // the badge ellipsizes on a narrow window
        identity.setTooltip(whole);
        if (vm.isDemo()) {
            identity.getStyleClass().add("demo-badge");
        } else if (vm.isOffline()) {
            identity.getStyleClass().add("offline-badge");
        }
        syncSelected.setOnAction(e -> vm.syncSelected());
        syncAll.setOnAction(e -> vm.syncAll());
        cancel.setOnAction(e -> vm.cancel());
        export.setOnAction(e -> vm.onExport());
        settings.setOnAction(e -> onSettings.run());
        signOut.setOnAction(e -> vm.signOut());
    }

    /** How long the token has left, in the status bar; a warning from seven days before expiry. */
    private void bindTokenLife() {
        TokenLifeViewModel life = vm.access().tokenLife();
        if (life == null) {
            tokenLife.setVisible(false);
            tokenLife.setManaged(false);
            return;
        }
        tokenLife.textProperty().bind(life.labelProperty());
        tokenLife.visibleProperty().bind(life.labelProperty().isNotEmpty());
        tokenLife.managedProperty().bind(tokenLife.visibleProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(life.detailProperty());
        tokenLife.setTooltip(tip);
        life.warningProperty().addListener((o, a, warn) -> tokenLife.pseudoClassStateChanged(WARNING, warn));
        tokenLife.pseudoClassStateChanged(WARNING, life.warningProperty().get());
    }

    // ---- tree -----------------------------------------------------------------------------------------

    private void bindTree() {
        TreeItem<TreeEntry> rootItem = item(vm.root());
        rootItem.setExpanded(true);
        tree.setRoot(rootItem);
        tree.setCellFactory(t -> new EntryCell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b.getValue());
            }
        });
        tree.getSelectionModel().select(rootItem);
        vm.selectedProperty().addListener((o, a, b) -> {
            TreeItem<TreeEntry> ti = b == null ? null : items.get(b);
            if (ti != null && tree.getSelectionModel().getSelectedItem() != ti) {
                tree.getSelectionModel().select(ti);
                int row = tree.getRow(ti);
                if (row >= 0) {
                    tree.scrollTo(Math.max(0, row - 2));
                }
            }
        });
        // the tree's VirtualFlow caches cell heights: re-measure when texts (and so wrapped heights) change
        vm.treeVersionProperty().addListener((o, a, b) -> tree.refresh());
        tree.widthProperty().addListener((o, a, b) -> tree.refresh());
    }

    private TreeItem<TreeEntry> item(TreeEntry e) {
        TreeItem<TreeEntry> it = items.computeIfAbsent(e, x -> {
            TreeItem<TreeEntry> ti = new TreeItem<>(x);
            ti.setExpanded(true);
            x.children().addListener((ListChangeListener<TreeEntry>) c -> syncChildren(ti));
            return ti;
        });
        syncChildren(it);
        return it;
    }

    private void syncChildren(TreeItem<TreeEntry> ti) {
        List<TreeItem<TreeEntry>> kids = new ArrayList<>();
        for (TreeEntry child : ti.getValue().children()) {
            kids.add(item(child));
        }
        if (!ti.getChildren().equals(kids)) {
            TreeItem<TreeEntry> sel = tree == null ? null : tree.getSelectionModel().getSelectedItem();
            ti.getChildren().setAll(kids);
            if (sel != null && tree.getSelectionModel().getSelectedItem() != sel) {
                tree.getSelectionModel().select(sel);
            }
        }
    }

    /** Name, one detail line, a progress bar while syncing, and the last problem. Texts wrap (long Cyrillic / RTL names). */
    private final class EntryCell extends TreeCell<TreeEntry> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final Label problem = new Label();
        private final ProgressBar progress = new ProgressBar();
        private final VBox box = new VBox(2, name, detail, progress, problem) {
            /** Wrapped labels need the width to know their height; the cell asks without one. */
            @Override
            protected double computePrefHeight(double width) {
                return super.computePrefHeight(width < 0 ? getPrefWidth() : width);
            }

            @Override
            protected double computeMinHeight(double width) {
                return computePrefHeight(width);
            }
        };

        EntryCell() {
            name.getStyleClass().add("tree-name");
            detail.getStyleClass().addAll("text-small", "text-muted");
            problem.getStyleClass().addAll("text-small", "inline-error");
            for (Label l : new Label[] {name, detail, problem}) {
                l.setWrapText(true);
                l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            progress.setMaxWidth(Double.MAX_VALUE);
            progress.setPrefHeight(6);
            box.setMaxWidth(Double.MAX_VALUE);
            setPrefWidth(0);
        }

        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null) {
                return super.computePrefHeight(width);
            }
            return snappedTopInset() + snappedBottomInset() + box.prefHeight(box.getPrefWidth());
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void updateItem(TreeEntry e, boolean empty) {
            super.updateItem(e, empty);
            name.textProperty().unbind();
            detail.textProperty().unbind();
            problem.textProperty().unbind();
            progress.visibleProperty().unbind();
            progress.progressProperty().unbind();
            problem.visibleProperty().unbind();
            problem.managedProperty().unbind();
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.textProperty().bind(e.nameProperty());
            detail.textProperty().bind(e.detailProperty());
            problem.textProperty().bind(e.problemProperty());
            problem.visibleProperty().bind(e.problemProperty().isNotEmpty());
            problem.managedProperty().bind(problem.visibleProperty());
            progress.visibleProperty().bind(e.syncingProperty());
            progress.progressProperty().bind(e.progressProperty());
            int level = tree.getTreeItemLevel(getTreeItem());
            box.prefWidthProperty().unbind();
            box.prefWidthProperty().bind(tree.widthProperty().subtract(46 + 18 * level));
            box.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            setText(null);
            setGraphic(box);
        }
    }

    // ---- filters and table ----------------------------------------------------------------------------

    private void bindFilters() {
        LeadsTableViewModel leads = vm.leads();
        search.textProperty().bindBidirectional(leads.searchProperty());
        io.leaddesk.ui.i18n.TextFit.promptTooltip(search);
        filtersToggle.selectedProperty().bindBidirectional(leads.filtersVisibleProperty());
        filters.visibleProperty().bind(leads.filtersVisibleProperty());
        filters.managedProperty().bind(filters.visibleProperty());
        count.textProperty().bind(leads.countTextProperty());
        dateFrom.valueProperty().bindBidirectional(leads.dateFromProperty());
        dateTo.valueProperty().bindBidirectional(leads.dateToProperty());
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
        combo(status, statuses, s -> s == null ? m.get("review.any") : statusText(s));
        status.setPromptText(m.get("review.any"));
        status.valueProperty().bindBidirectional(leads.statusProperty());
        clearFilters.setOnAction(e -> leads.clearFilters());
        tableError.textProperty().bind(leads.errorProperty());
        tableError.visibleProperty().bind(leads.errorProperty().isNotEmpty());
        tableError.managedProperty().bind(tableError.visibleProperty());
    }

    private String statusText(ReviewStatus s) {
        return m.status(s);
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

    private void bindTable() {
        LeadsTableViewModel leads = vm.leads();
        table.itemsProperty().bind(leads.rowsProperty());
        table.itemsProperty().addListener((o, a, b) -> table.getSelectionModel().clearSelection());
        table.setFixedCellSize(28);
        leads.rowsVersionProperty().addListener((o, a, b) -> table.refresh());
        colCreated.setCellValueFactory(c -> text(c.getValue(), r -> formats.dateTime(r.createdEpochSecond())));
        colName.setCellValueFactory(c -> LeadRowList.isLoaded(c.getValue()) ? text(c.getValue(), LeadRow::name)
                : new ReadOnlyStringWrapper(m.get("leads.loading")));
        colEmail.setCellValueFactory(c -> text(c.getValue(), LeadRow::email));
        colPhone.setCellValueFactory(c -> text(c.getValue(), LeadRow::phone));
        colPlatform.setCellValueFactory(c -> text(c.getValue(), r -> r.platform() == null ? "" : switch (r.platform()) {
            case "fb" -> m.get("platform.fb");
            case "ig" -> m.get("platform.ig");
            default -> r.platform();
        }));
        colOrganic.setCellValueFactory(c -> text(c.getValue(), r -> r.organic() == null ? "" : r.organic() ? m.get("common.yes") : m.get("common.no")));
        colCampaign.setCellValueFactory(c -> text(c.getValue(), r -> join(r.campaignName(), r.adName())));
        colStatus.setCellValueFactory(c -> text(c.getValue(), r -> r.status() == null ? "" : statusText(r.status())));
        colCreated.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(colCreated);
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                leads.sortBy(LeadSort.CREATED, true);
            } else {
                TableColumn<LeadRow, ?> col = t.getSortOrder().get(0);
                leads.sortBy(LeadSort.valueOf((String) col.getUserData()), col.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true;
        });
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> leads.select(b.intValue()));
        leads.selectIndexRequestProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && table.getSelectionModel().getSelectedIndex() != b.intValue()) {
                table.getSelectionModel().clearAndSelect(b.intValue());
            }
        });
    }

    private static String join(String a, String b) {
        boolean ha = a != null && !a.isBlank();
        boolean hb = b != null && !b.isBlank();
        return ha && hb ? a + " / " + b : ha ? a : hb ? b : "";
    }

    private static ReadOnlyStringWrapper text(LeadRow r, Function<LeadRow, String> f) {
        if (r == null) {
            return new ReadOnlyStringWrapper("");
        }
        if (!LeadRowList.isLoaded(r)) {
            return new ReadOnlyStringWrapper("");
        }
        String v = f.apply(r);
        return new ReadOnlyStringWrapper(v == null ? "" : v);
    }

    /** For tests: the date pickers (set a value in code). */
    public void setDates(LocalDate from, LocalDate to) {
        dateFrom.setValue(from);
        dateTo.setValue(to);
    }

    public WorkspaceViewModel viewModel() {
        return vm;
    }
}
