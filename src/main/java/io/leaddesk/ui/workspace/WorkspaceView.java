package io.leaddesk.ui.workspace;

import io.leaddesk.store.LeadRow;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.Views;
import io.leaddesk.ui.access.TokenLifeViewModel;
import io.leaddesk.ui.detail.LeadDetailView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

/**
 * The workspace window content: toolbar, tree | leads table | detail, status bar. Binds and forwards only; the table
 * ({@link LeadsTable}), the search and filters ({@link FilterBar}) and the panes' widths ({@link PaneLayout}) have
 * their own classes.
 */
public final class WorkspaceView {
    /** Opens the Access view (the toolbar's "Access"). */
    static final String ACCESS_KEY = "Shortcut+Shift+A";
    private static final javafx.css.PseudoClass WARNING = javafx.css.PseudoClass.getPseudoClass("warning");
    /** The toolbar's shortcuts (Shortcut = Ctrl, Cmd on macOS); each button's tooltip names its own. */
    static final String SYNC_SELECTED = "Shortcut+R";
    static final String SYNC_ALL = "Shortcut+Shift+R";
    static final String CANCEL = "Shortcut+PERIOD";
    static final String EXPORT = "Shortcut+E";
    static final String SETTINGS = "Shortcut+COMMA";
    static final String FIND = "Shortcut+F";
    static final String TOGGLE_TREE = "Shortcut+Shift+T";
    static final String TOGGLE_DETAIL = "Shortcut+Shift+D";

    private final WorkspaceViewModel vm;
    private final Messages m;
    private final Formats formats;
    private final Runnable onSettings;
    private final LeadDetailView detailView;
    private final BorderPane root;
    private final Map<TreeEntry, TreeItem<TreeEntry>> items = new HashMap<>();
    private Runnable onImport = () -> { };
    private final Map<KeyCombination, Runnable> shortcuts = new HashMap<>();
    private LeadsTable leadsTable;
    private FilterBar filterBar;
    private final FocusOrder focusOrder;

    @FXML private ToggleButton treeToggle;
    @FXML private ToggleButton detailToggle;
    @FXML private Button syncSelected;
    @FXML private Button syncAll;
    @FXML private Button cancel;
    @FXML private StackPane exportHolder;
    @FXML private Button export;
    @FXML private Button access;
    @FXML private Label tokenLife;
    @FXML private Button noticeAction;
    @FXML private Button importDownload;
    @FXML private Label identity;
    @FXML private Button settings;
    @FXML private Button signOut;
    @FXML private javafx.scene.control.MenuButton more;
    @FXML private javafx.scene.layout.HBox noticeBar;
    @FXML private Label noticeText;
    @FXML private Button noticeClose;
    @FXML private SplitPane split;
    @FXML private VBox treePane;
    @FXML private VBox tablePane;
    @FXML private TreeView<TreeEntry> tree;
    @FXML private javafx.scene.layout.HBox toolbar;
    @FXML private javafx.scene.layout.HBox searchBar;
    @FXML private TextField search;
    @FXML private ToggleButton filtersToggle;
    @FXML private ToggleButton newOnly;
    @FXML private Button clearFiltersShort;
    @FXML private Label tableFeedback;
    @FXML private Label count;
    @FXML private TableView<LeadRow> table;
    @FXML private Label tablePlaceholder;
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
        // Tab in reading order: search, filters, table, detail, then the Pages tree and the toolbar
        this.focusOrder = new FocusOrder(root, List.of(searchBar, table, detailHolder, treePane, toolbar, noticeBar));
        root.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                shortcuts.keySet().forEach(k -> old.getAccelerators().remove(k));
            }
            if (scene != null) {
                scene.getAccelerators().putAll(shortcuts);
                // the workspace opens with the keyboard in the search box
                javafx.application.Platform.runLater(search::requestFocus);
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
        filterBar = new FilterBar(vm.leads(), m, search, filtersToggle, clearFiltersShort, count, tableFeedback);
        io.leaddesk.ui.DateFields.use(filterBar.dateFrom, formats);
        io.leaddesk.ui.DateFields.use(filterBar.dateTo, formats);
        leadsTable = new LeadsTable(vm, m, formats, table, tablePlaceholder, detailView::focusFirst);
        tableError.textProperty().bind(vm.leads().errorProperty());
        tableError.visibleProperty().bind(vm.leads().errorProperty().isNotEmpty());
        tableError.managedProperty().bind(tableError.visibleProperty());
        new PaneLayout(split, treePane, tablePane, detailHolder, treeToggle, detailToggle, vm.memory(), leadsTable::fiveColumnsWidth);
        io.leaddesk.ui.i18n.TextFit.columnsFitHeaders(table);
        io.leaddesk.ui.i18n.TextFit.promptTooltip(search);
        statusBar.setFocusTraversable(false); // a line to read, not a control: no Tab stop without a ring
        statusBar.textProperty().bind(vm.statusTextProperty());
        statusBar.progressProperty().bind(Bindings.when(vm.syncingProperty()).then(vm.progressProperty()).otherwise(0.0));
        noticeBar.setVisible(false);
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());
        noticeClose.setOnAction(e -> noticeBar.setVisible(false));
        noticeAction.managedProperty().bind(noticeAction.visibleProperty());
        noticeAction.setVisible(false);
        noticeAction.setOnAction(e -> {
            if (vm.actOnNotice()) {
                noticeBar.setVisible(false);
            }
        });
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
        shortcut(FIND, () -> {
            search.requestFocus();
            search.selectAll();
        });
        shortcut(SYNC_SELECTED, vm::syncSelected);
        shortcut(SYNC_ALL, vm::syncAll);
        shortcut(CANCEL, vm::cancel);
        shortcut(EXPORT, vm::onExport);
        shortcut(SETTINGS, onSettings);
        shortcut(TOGGLE_TREE, () -> treeToggle.setSelected(!treeToggle.isSelected()));
        shortcut(TOGGLE_DETAIL, () -> detailToggle.setSelected(!detailToggle.isSelected()));
        shortcut(ACCESS_KEY, () -> vm.access().open());
        shortcut("Shortcut+I", () -> onImport.run());
    }

    private void shortcut(String keys, Runnable action) {
        shortcuts.put(KeyCombination.keyCombination(keys), action);
    }

    /** "Ctrl+R" on Windows and Linux, "⌘R" on macOS. */
    private static String keysText(String keys) {
        return KeyCombination.keyCombination(keys).getDisplayText();
    }

    private void tip(ButtonBase b, String key, String keys) {
        b.setTooltip(new Tooltip(keys == null ? m.get(key) : m.format(key, keysText(keys))));
    }

    private void bindToolbar() {
        syncSelected.disableProperty().bind(vm.canSyncProperty().not());
        syncAll.disableProperty().bind(vm.canSyncProperty().not());
        cancel.disableProperty().bind(vm.syncingProperty().not().or(vm.cancellingProperty()));
        export.disableProperty().bind(vm.canExportProperty().not());
        tip(syncSelected, "workspace.sync.selected.tooltip", SYNC_SELECTED);
        tip(syncAll, "workspace.sync.all.tooltip", SYNC_ALL);
        tip(cancel, "workspace.cancel.tooltip", CANCEL);
        tip(settings, "workspace.settings.tooltip", SETTINGS);
        tip(signOut, "workspace.signout.tooltip", null);
        tip(treeToggle, "workspace.pane.tree.tooltip", TOGGLE_TREE);
        tip(detailToggle, "workspace.pane.detail.tooltip", TOGGLE_DETAIL);
        // a disabled button shows no tooltip: the one saying why Export is disabled sits on its holder
        Tooltip exportTip = new Tooltip();
        Runnable exportText = () -> exportTip.setText(vm.canExportProperty().get()
                ? m.format("workspace.export.tooltip", keysText(EXPORT))
                : vm.exportDisabledReason().isEmpty() ? m.format("workspace.export.tooltip", keysText(EXPORT)) : vm.exportDisabledReason());
        vm.canExportProperty().addListener((o, a, b) -> exportText.run());
        exportText.run();
        Tooltip.install(exportHolder, exportTip);
        access.disableProperty().bind(vm.access().availableProperty().not());
        tip(access, "workspace.access.tooltip", ACCESS_KEY);
        access.setOnAction(e -> vm.access().open());
        bindTokenLife();
        // in a narrow window (Russian, Ukrainian at 1024 px) the least used buttons move into the "⋯" menu
        more.setTooltip(new Tooltip(m.get("workspace.more")));
        new ToolbarFit(toolbar, more, List.of(importDownload, access, settings, signOut), identity);
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
        String countsNote = m.get("workspace.form.counts.tooltip");
        tree.setCellFactory(t -> new EntryCell(tree, countsNote, n -> m.format("live.app.tree.badge", n)));
        bindMarkSeen();
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

    /** Issue 14: the tree's context menu, "Mark all as seen" on the entry right-clicked (selected). */
    private void bindMarkSeen() {
        javafx.scene.control.MenuItem markSeen = new javafx.scene.control.MenuItem(m.get("leads.markAllSeen"));
        markSeen.setId("menuMarkSeen");
        markSeen.setOnAction(e -> vm.newLeads().markSeen(vm.selectedProperty().get()));
        javafx.scene.control.ContextMenu treeMenu = new javafx.scene.control.ContextMenu(markSeen);
        treeMenu.setOnShowing(e -> markSeen.setDisable(!vm.newLeads().canMarkSeen(vm.selectedProperty().get())));
        tree.setContextMenu(treeMenu);
        newOnly.selectedProperty().bindBidirectional(vm.leads().newOnlyProperty());
        newOnly.setTooltip(new Tooltip(m.get("live.app.newOnly.tooltip")));
    }

    /** For tests: the tree's context menu ("Mark all as seen"). */
    public javafx.scene.control.ContextMenu treeMenu() {
        return tree.getContextMenu();
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

    /** For tests: the date pickers (set a value in code). */
    public void setDates(LocalDate from, LocalDate to) {
        filterBar.dateFrom.setValue(from);
        filterBar.dateTo.setValue(to);
    }

    /** For tests: the filters' popover and the row menu. */
    public org.controlsfx.control.PopOver filtersPopover() {
        return filterBar.popover();
    }

    public javafx.scene.control.ContextMenu rowMenu() {
        return leadsTable.menu();
    }

    /** For tests and screenshots: a column of the leads table by its id (CREATED, NAME...). */
    public TableColumn<LeadRow, ?> column(String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getUserData())).findFirst().orElseThrow();
    }

    public WorkspaceViewModel viewModel() {
        return vm;
    }

    Scene scene() {
        return root.getScene();
    }
}
