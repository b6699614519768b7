package io.leaddesk.ui.signin;

import io.leaddesk.ui.Messages;
import io.leaddesk.ui.Views;
import io.leaddesk.ui.access.ExtendViewModel;
import io.leaddesk.ui.settings.DiagnosticsViewModel;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;

/** Sign-in screen: binds to {@link SignInViewModel} and forwards clicks; nothing else. */
public final class SignInView {
    private final SignInViewModel vm;
    private final DiagnosticsViewModel diagnostics;
    private final Messages m;
    private final Parent root;

    @FXML private PasswordField tokenHidden;
    @FXML private TextField tokenShown;
    @FXML private ToggleButton showToken;
    @FXML private Hyperlink tokenHelp;
    @FXML private TextField appId;
    @FXML private PasswordField appSecret;
    @FXML private CheckBox remember;
    @FXML private Label rememberNote;
    @FXML private Label error;
    @FXML private Button signIn;
    @FXML private Button cancelCheck;
    @FXML private ProgressIndicator busy;
    @FXML private Label busyText;
    @FXML private VBox result;
    @FXML private Label who;
    @FXML private Label pages;
    @FXML private Label life;
    @FXML private VBox extendBox;
    @FXML private Label extendMessage;
    @FXML private Button extendButton;
    @FXML private ProgressIndicator extendBusy;
    @FXML private Label extendBusyText;
    @FXML private Label extendError;
    @FXML private Button continueButton;
    @FXML private Button sample;
    @FXML private Button offline;
    @FXML private Hyperlink copyDiagnostics;
    @FXML private Label diagnosticsNote;

    public SignInView(SignInViewModel vm, Messages messages) {
        this(vm, null, messages);
    }

    /** @param diagnostics "Copy diagnostics" for support (null = not offered) */
    public SignInView(SignInViewModel vm, DiagnosticsViewModel diagnostics, Messages messages) {
        this.vm = vm;
        this.diagnostics = diagnostics;
        this.m = messages;
        this.root = Views.load(SignInView.class, "SignInView.fxml", this, messages);
        // the screen opens with the keyboard in the token field, which still shows what goes in it
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(() -> (tokenShown.isVisible() ? tokenShown : tokenHidden).requestFocus());
            }
        });
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        tokenHidden.textProperty().bindBidirectional(vm.tokenProperty());
        tokenShown.textProperty().bindBidirectional(vm.tokenProperty());
        tokenShown.visibleProperty().bind(vm.tokenVisibleProperty());
        tokenHidden.visibleProperty().bind(vm.tokenVisibleProperty().not());
        showToken.selectedProperty().bindBidirectional(vm.tokenVisibleProperty());
        showToken.textProperty().bind(Bindings.when(vm.tokenVisibleProperty())
                .then(m.get("signin.token.hide")).otherwise(m.get("signin.token.show")));
        appId.textProperty().bindBidirectional(vm.appIdProperty());
        appSecret.textProperty().bindBidirectional(vm.appSecretProperty());
        remember.selectedProperty().bindBidirectional(vm.rememberProperty());
        remember.disableProperty().bind(vm.rememberAvailableProperty().not());
        rememberNote.textProperty().bind(vm.rememberNoteProperty());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        signIn.disableProperty().bind(vm.busyProperty());
        cancelCheck.visibleProperty().bind(vm.checkingProperty());
        cancelCheck.managedProperty().bind(cancelCheck.visibleProperty());
        cancelCheck.disableProperty().bind(vm.checkingProperty().not());
        busy.visibleProperty().bind(vm.busyProperty());
        busyText.textProperty().bind(vm.busyTextProperty());
        busyText.visibleProperty().bind(vm.busyProperty());
        result.visibleProperty().bind(vm.signedInProperty().isNotNull());
        result.managedProperty().bind(result.visibleProperty());
        who.textProperty().bind(vm.whoProperty());
        pages.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", vm.pagesFound()), vm.pagesFound()));
        life.textProperty().bind(vm.lifeProperty());
        shown(life, vm.lifeProperty().isNotEmpty());
        bindExtend();
        // usable while the token is checked: they end the check and open the demo or the cache
        sample.disableProperty().bind(vm.openingProperty());
        offline.disableProperty().bind(vm.openingProperty());

        signIn.setOnAction(e -> vm.signIn());
        cancelCheck.setOnAction(e -> vm.cancel());
        tokenHelp.setOnAction(e -> TokenHelpView.show(root.getScene().getWindow(), m));
        continueButton.setOnAction(e -> vm.continueToWorkspace());
        continueButton.disableProperty().bind(vm.extend().runningProperty());
        sample.setOnAction(e -> vm.trySample());
        offline.setOnAction(e -> vm.openOffline());
        copyDiagnostics.setVisible(diagnostics != null);
        copyDiagnostics.setManaged(diagnostics != null);
        if (diagnostics != null) {
            copyDiagnostics.setOnAction(e -> diagnostics.copy());
            copyDiagnostics.disableProperty().bind(diagnostics.runningProperty());
            diagnosticsNote.textProperty().bind(Bindings.when(diagnostics.errorProperty().isEmpty())
                    .then(diagnostics.messageProperty()).otherwise(diagnostics.errorProperty()));
        }
    }

    /** "Make this token last" inside the result, while offered or once done. */
    private void bindExtend() {
        ExtendViewModel x = vm.extend();
        shown(extendBox, x.offeredProperty().or(x.doneProperty()));
        extendMessage.textProperty().bind(x.messageProperty());
        shown(extendButton, x.offeredProperty());
        extendButton.disableProperty().bind(x.canExtendProperty().not());
        extendButton.setOnAction(e -> x.extend());
        extendBusy.visibleProperty().bind(x.runningProperty());
        extendBusyText.textProperty().bind(x.busyTextProperty());
        extendBusyText.visibleProperty().bind(x.runningProperty());
        extendError.textProperty().bind(x.errorProperty());
        shown(extendError, x.errorProperty().isNotEmpty());
    }

    private static void shown(javafx.scene.Node n, javafx.beans.value.ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(n.visibleProperty());
    }
}
