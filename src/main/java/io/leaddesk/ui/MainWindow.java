package io.leaddesk.ui;

import io.leaddesk.store.AppSettings;
import io.leaddesk.ui.access.AccessViewModel;
import io.leaddesk.ui.access.AccessWindow;
import io.leaddesk.ui.export.ExportView;
import io.leaddesk.ui.export.ExportViewModel;
import io.leaddesk.ui.imports.ImportViewModel;
import io.leaddesk.ui.imports.ImportWindow;
import io.leaddesk.ui.live.LiveSettingsView;
import io.leaddesk.ui.live.LiveSettingsViewModel;
import io.leaddesk.ui.live.LiveViewModel;
import io.leaddesk.ui.live.TaskbarBadge;
import io.leaddesk.ui.settings.SettingsView;
import io.leaddesk.ui.settings.SettingsViewModel;
import io.leaddesk.ui.signin.SignInView;
import io.leaddesk.ui.signin.SignInViewModel;
import io.leaddesk.ui.workspace.TreeEntry;
import io.leaddesk.ui.workspace.WorkspaceView;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import javafx.application.Application;
import javafx.event.ActionEvent;
import javafx.scene.Scene;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.input.Clipboard;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import java.util.Set;

/** The one window: shows the sign-in screen or a workspace, applies the theme, opens the settings dialog. */
public final class MainWindow {
    private final AppContext ctx;
    private final Stage stage;
    private final StackPane root = new StackPane();
    /** The sign-in screen or the workspace. */
    private final StackPane content = new StackPane();
    /** One sentence about a failure nobody expected (the uncaught-exception handler), over the top of the window. */
    private final Label problemText = new Label();
    private final HBox problemBar;
    private final Scene scene;
    private Dialog<ButtonType> settingsDialog;
    private SignInViewModel signIn;
    private WorkspaceViewModel workspace;
    private WorkspaceView workspaceView;
    private LiveViewModel live;
    private Stage exportStage;
    private ExportViewModel exportViewModel;
    private ExportView exportView;
    private AccessWindow accessWindow;
    private ImportWindow importWindow;

    public MainWindow(AppContext ctx, Stage stage) {
        this.ctx = ctx;
        this.stage = stage;
        problemText.setId("appProblem");
        problemText.setWrapText(true);
        problemText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(problemText, Priority.ALWAYS);
        Button dismiss = new Button(ctx.messages().get("app.problem.close"));
        dismiss.getStyleClass().addAll("flat", "small");
        dismiss.setOnAction(e -> problemText.setText(""));
        problemBar = new HBox(8, problemText, dismiss);
        problemBar.getStyleClass().add("app-problem");
        problemBar.setAlignment(Pos.CENTER_LEFT);
        problemBar.setMaxHeight(Region.USE_PREF_SIZE);
        problemBar.visibleProperty().bind(problemText.textProperty().isNotEmpty());
        problemBar.managedProperty().bind(problemBar.visibleProperty());
        StackPane.setAlignment(problemBar, Pos.TOP_CENTER);
        root.getChildren().setAll(content, problemBar);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        this.scene = new Scene(root, Math.min(1360, screen.getWidth()), Math.min(820, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        scene.getStylesheets().add(AccessWindow.STYLESHEET);
        applyTheme(ctx.settings());
        TextMenus.installEverywhere(ctx.messages());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.titleProperty().unbind(); // a stage used by a window before (tests reuse theirs) may carry its count
        stage.setTitle(ctx.messages().get("app.title"));
        // Ctrl+Q (Cmd+Q on macOS) quits, as a window close would: the app shuts down and the process ends
        scene.getAccelerators().put(javafx.scene.input.KeyCombination.keyCombination("Shortcut+Q"), () -> {
            javafx.stage.WindowEvent request = new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST);
            stage.fireEvent(request);
            if (!request.isConsumed()) {
                stage.close();
                javafx.application.Platform.exit();
            }
        });
    }

    /**
     * AtlantaFX Primer light/dark. The theme is applied from its stylesheet resource: atlantafx-base 2.1.0's classes
     * are Java 21 bytecode and cannot be loaded on Java 17, while its CSS works on any JavaFX 17+.
     */
    public static void applyTheme(AppSettings s) {
        java.net.URL url = themeUrl(s);
        Application.setUserAgentStylesheet(url != null ? url.toExternalForm() : Application.STYLESHEET_MODENA);
    }

    /** The Primer stylesheet, unpacked from atlantafx-base into our own resources at build time (pom: unpack-theme). */
    static java.net.URL themeUrl(AppSettings s) {
        return MainWindow.class.getResource("/io/leaddesk/ui/theme/atlantafx/base/theme/primer-" + (s.dark() ? "dark" : "light") + ".css");
    }

    public void show() {
        showSignIn();
        stage.show();
    }

    public void showSignIn() {
        closeAccess();
        workspace = null;
        workspaceView = null;
        live = null;
        stage.titleProperty().unbind();
        TaskbarBadge.show(0);
        signIn = ctx.signInViewModel();
        signIn.setOnOpen(this::showWorkspace);
        content.getChildren().setAll(new SignInView(signIn, ctx.diagnosticsViewModel(MainWindow::copyToClipboard), ctx.messages()).root());
        stage.setTitle(ctx.messages().get("app.title"));
        signIn.start();
    }

    public void showWorkspace(Workspace w) {
        WorkspaceViewModel vm = ctx.workspaceViewModel(w, MainWindow::copyToClipboard);
        vm.setOnSignedOut(this::showSignIn);
        if (w.exports().isPresent()) {
            vm.setOnExport(() -> openExport(vm, w));
        }
        if (w.access().isPresent()) {
            vm.access().setOnOpen(() -> openAccess(vm, w));
        }
        WorkspaceView view = new WorkspaceView(vm, ctx.messages(), ctx.formats(), this::openSettings);
        if (w.imports().isPresent()) {
            view.setOnImport(() -> {
                java.util.List<java.nio.file.Path> files = ImportWindow.choose(stage, ctx.messages());
                if (!files.isEmpty()) {
                    openImport(vm, w, files);
                }
            });
            ImportWindow.acceptDrops(view.root(), files -> openImport(vm, w, files));
        }
        workspace = vm;
        workspaceView = view;
        signIn = null;
        content.getChildren().setAll(view.root());
        stage.setTitle(ctx.messages().get("app.title") + " — " + vm.identityProperty().get());
        // issue 14: auto-sync, notifications (a click brings this window forward), the count in the title
        LiveViewModel lvm = ctx.liveViewModel(vm);
        lvm.setOnBringForward(() -> {
            stage.setIconified(false);
            stage.show();
            stage.toFront();
            stage.requestFocus();
        });
        stage.titleProperty().bind(lvm.titleProperty());
        vm.newLeads().totalProperty().addListener((o, a, n) -> {
            if (live == lvm) {
                TaskbarBadge.show(n.longValue());
            }
        });
        live = lvm;
        vm.open();
        lvm.start(ctx.settings());
    }

    /** The open workspace's live desk, or null. */
    public LiveViewModel liveViewModel() {
        return live;
    }

    /** The system clipboard, for the ViewModels' {@link io.leaddesk.ui.detail.ClipboardPort}. */
    static void copyToClipboard(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    /**
     * Opens the Settings dialog. Save starts the write and keeps the dialog open; it closes once the file was written,
     * and stays open with the failure shown right above the buttons when the write failed.
     */
    public void openSettings() {
        if (settingsDialog != null) {
            return;
        }
        SettingsViewModel vm = ctx.settingsViewModel();
        Dialog<ButtonType> d = new Dialog<>();
        ButtonType save = new ButtonType(ctx.messages().get("common.save"), ButtonBar.ButtonData.OK_DONE);
        LiveViewModel lvm = live;
        LiveSettingsViewModel liveSettings = lvm == null ? null
                : new LiveSettingsViewModel(ctx.settings(), lvm.settingsKey(), ctx.messages());
        if (liveSettings != null) {
            vm.setAlso(liveSettings::applyTo);
        }
        vm.setOnSaved(s -> {
            ctx.settingsChanged(s);
            applyTheme(s);
            if (lvm != null) {
                lvm.settingsChanged(s);
            }
            d.setResult(save); // closes the dialog, now that the file is written
        });
        d.initOwner(stage);
        d.setTitle(ctx.messages().get("settings.title"));
        SettingsView settingsView = new SettingsView(vm, ctx.diagnosticsViewModel(MainWindow::copyToClipboard), ctx.messages());
        if (liveSettings != null) {
            settingsView.root().getChildren().add(2, new LiveSettingsView(liveSettings, ctx.messages()).root());
        }
        d.getDialogPane().setContent(settingsView.root());
        d.getDialogPane().getStylesheets().addAll(scene.getStylesheets());
        d.getDialogPane().getButtonTypes().setAll(save, new ButtonType(ctx.messages().get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Button ok = (Button) d.getDialogPane().lookupButton(save);
        ok.setId("saveSettings");
        ok.disableProperty().bind(vm.canSaveProperty().not());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save();
        });
        d.setOnHidden(e -> settingsDialog = null);
        settingsDialog = d;
        d.show();
    }

    /** The open Settings dialog, or null. */
    public Dialog<ButtonType> settingsDialog() {
        return settingsDialog;
    }

    /** Shows one sentence about a failure over the top of the window until dismissed (the latest one wins). */
    public void showProblem(String sentence) {
        problemText.setText(sentence == null ? "" : sentence);
    }

    /** The sentence shown by {@link #showProblem}, "" when none. */
    public String problem() {
        return problemText.getText();
    }

    /** Opens the Export dialog (modal to the main window), its forms preselected from the workspace tree. */
    public void openExport(WorkspaceViewModel wvm, Workspace w) {
        if (exportStage != null) {
            exportStage.toFront();
            return;
        }
        ExportViewModel evm = ctx.exportViewModel(w);
        evm.setOnExported(r -> wvm.detail().refreshExports());
        ExportView view = new ExportView(evm, ctx.messages(), ctx.formats().zone());
        Stage st = new Stage();
        st.initOwner(stage);
        st.initModality(Modality.WINDOW_MODAL);
        st.setTitle(ctx.messages().get("export.title"));
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene sc = new Scene(view.root(), Math.min(1140, screen.getWidth()), Math.min(780, screen.getHeight()));
        sc.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        st.setScene(sc);
        st.setMinWidth(820);
        st.setMinHeight(560);
        view.setOnClose(st::close);
        st.setOnHidden(e -> {
            evm.close();
            exportStage = null;
            exportViewModel = null;
            exportView = null;
        });
        TreeEntry sel = wvm.selectedProperty().get();
        Set<String> pages = sel != null && sel.kind() == TreeEntry.Kind.PAGE ? Set.of(sel.id()) : Set.of();
        Set<String> forms = sel != null && sel.kind() == TreeEntry.Kind.FORM ? Set.of(sel.id()) : Set.of();
        exportStage = st;
        exportViewModel = evm;
        exportView = view;
        st.show();
        evm.open(pages, forms);
    }

    /** Opens the Access view of the workspace (or brings it to the front); it checks at once. */
    public void openAccess(WorkspaceViewModel wvm, Workspace w) {
        if (accessWindow != null) {
            accessWindow.stage().toFront();
            return;
        }
        AccessViewModel avm = ctx.accessViewModel(w);
        if (wvm.access().tokenLife() != null) {
            avm.setOnLifetime(wvm.access().tokenLife()::show);
        }
        accessWindow = AccessWindow.open(stage, avm, ctx.messages(), scene.getStylesheets(), () -> accessWindow = null);
    }

    /** The open Access view, or null. */
    public AccessWindow accessWindow() {
        return accessWindow;
    }

    private void closeAccess() {
        if (accessWindow != null) {
            accessWindow.close();
        }
    }

    /** Opens "Import Meta download…" for these files (chosen or dropped); the workspace refreshes once they are in. */
    public void openImport(WorkspaceViewModel wvm, Workspace w, java.util.List<java.nio.file.Path> files) {
        if (importWindow != null) {
            importWindow.stage().toFront();
            return;
        }
        ImportViewModel ivm = ctx.importViewModel(w);
        ivm.setOnImported(() -> wvm.reloadTree(wvm.leads()::refresh));
        importWindow = new ImportWindow(stage, ivm, ctx.messages(), scene.getStylesheets(), () -> importWindow = null);
        importWindow.show(files);
    }

    /** The open import dialog, or null. */
    public ImportWindow importWindow() {
        return importWindow;
    }

    /**
     * At exit, on the UI thread: closes the Export dialog and forgets the open workspace, returning it (or null) for the
     * caller to close off the UI thread (closing checkpoints the database's write-ahead log, which can take a while).
     */
    public Workspace detachWorkspace() {
        if (exportStage != null) {
            exportStage.hide();
        }
        closeAccess();
        if (importWindow != null) {
            importWindow.stage().hide();
        }
        Workspace w = workspace == null ? null : workspace.workspace();
        workspace = null;
        workspaceView = null;
        live = null;
        stage.titleProperty().unbind();
        return w;
    }

    /** Closes whatever workspace is open, on this thread (tests; the app uses {@link #detachWorkspace()}). */
    public void close() {
        Workspace w = detachWorkspace();
        if (w != null) {
            w.close();
        }
    }

    public Scene scene() {
        return scene;
    }

    public SignInViewModel signInViewModel() {
        return signIn;
    }

    public WorkspaceViewModel workspaceViewModel() {
        return workspace;
    }

    /** The open Export dialog's ViewModel, or null. */
    public ExportViewModel exportViewModel() {
        return exportViewModel;
    }

    public ExportView exportView() {
        return exportView;
    }

    public Stage exportStage() {
        return exportStage;
    }

    public WorkspaceView workspaceView() {
        return workspaceView;
    }
}
