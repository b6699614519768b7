package io.leaddesk.ui;

import io.leaddesk.store.AppSettings;
import io.leaddesk.ui.export.ExportView;
import io.leaddesk.ui.export.ExportViewModel;
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
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import java.util.Set;

/** The one window: shows the sign-in screen or a workspace, applies the theme, opens the settings dialog. */
public final class MainWindow {
    private final AppContext ctx;
    private final Stage stage;
    private final StackPane root = new StackPane();
    private final Scene scene;
    private SignInViewModel signIn;
    private WorkspaceViewModel workspace;
    private WorkspaceView workspaceView;
    private Stage exportStage;
    private ExportViewModel exportViewModel;
    private ExportView exportView;

    public MainWindow(AppContext ctx, Stage stage) {
        this.ctx = ctx;
        this.stage = stage;
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        this.scene = new Scene(root, Math.min(1360, screen.getWidth()), Math.min(820, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        applyTheme(ctx.settings());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
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
        workspace = null;
        workspaceView = null;
        signIn = ctx.signInViewModel();
        signIn.setOnOpen(this::showWorkspace);
        root.getChildren().setAll(new SignInView(signIn, ctx.messages()).root());
        stage.setTitle(ctx.messages().get("app.title"));
        signIn.start();
    }

    public void showWorkspace(Workspace w) {
        WorkspaceViewModel vm = ctx.workspaceViewModel(w, text -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
        });
        vm.setOnSignedOut(this::showSignIn);
        if (w.exports().isPresent()) {
            vm.setOnExport(() -> openExport(vm, w));
        }
        WorkspaceView view = new WorkspaceView(vm, ctx.messages(), ctx.formats(), this::openSettings);
        workspace = vm;
        workspaceView = view;
        signIn = null;
        root.getChildren().setAll(view.root());
        stage.setTitle(ctx.messages().get("app.title") + " — " + vm.identityProperty().get());
        vm.open();
    }

    public void openSettings() {
        SettingsViewModel vm = ctx.settingsViewModel();
        vm.setOnSaved(s -> {
            ctx.settingsChanged(s);
            applyTheme(s);
        });
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(stage);
        d.setTitle(ctx.messages().get("settings.title"));
        d.getDialogPane().setContent(new SettingsView(vm, ctx.messages()).root());
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(vm.validProperty().not());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.save()) {
                e.consume();
            }
        });
        d.show();
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

    /** Closes whatever workspace is open (at exit). */
    public void close() {
        if (workspace != null) {
            workspace.workspace().close();
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
