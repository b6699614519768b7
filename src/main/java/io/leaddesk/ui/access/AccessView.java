package io.leaddesk.ui.access;

import io.leaddesk.access.AccessReport;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.Views;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Access view: binds to {@link AccessViewModel}; the Page cards and problems mirror its lists. */
public final class AccessView {
    private final AccessViewModel vm;
    private final Messages m;
    private final BorderPane root;
    private Runnable onClose = () -> { };

    @FXML private ProgressIndicator busy;
    @FXML private Label status;
    @FXML private Button cancel;
    @FXML private Button checkAgain;
    @FXML private Label error;
    @FXML private Label summary;
    @FXML private ScrollPane scroll;
    @FXML private VBox tokenCard;
    @FXML private Label kind;
    @FXML private Label owner;
    @FXML private Label app;
    @FXML private Label expires;
    @FXML private Label dataAccess;
    @FXML private Label granted;
    @FXML private Label declined;
    @FXML private VBox tokenProblems;
    @FXML private VBox extendBox;
    @FXML private Label extendMessage;
    @FXML private TextField appId;
    @FXML private PasswordField appSecret;
    @FXML private Button extendButton;
    @FXML private ProgressIndicator extendBusy;
    @FXML private Label extendError;
    @FXML private Label pagesTitle;
    @FXML private VBox pages;
    @FXML private Button close;

    public AccessView(AccessViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
        this.root = Views.load(AccessView.class, "AccessView.fxml", this, messages);
    }

    public BorderPane root() {
        return root;
    }

    public void setOnClose(Runnable onClose) {
        this.onClose = onClose;
    }

    @FXML
    private void initialize() {
        busy.visibleProperty().bind(vm.runningProperty());
        status.textProperty().bind(vm.statusProperty());
        shown(cancel, vm.runningProperty());
        checkAgain.disableProperty().bind(vm.runningProperty());
        cancel.setOnAction(e -> vm.cancel());
        checkAgain.setOnAction(e -> vm.check());
        error.textProperty().bind(vm.errorProperty());
        shown(error, vm.errorProperty().isNotEmpty());
        summary.textProperty().bind(vm.summaryProperty());
        shown(summary, vm.summaryProperty().isNotEmpty());
        vm.outcomeProperty().addListener((o, a, b) -> outcome(b));
        outcome(vm.outcomeProperty().get());

        shown(tokenCard, vm.checkedProperty());
        shown(pagesTitle, vm.checkedProperty());
        kind.textProperty().bind(vm.kindProperty());
        owner.textProperty().bind(vm.ownerProperty());
        app.textProperty().bind(vm.appProperty());
        expires.textProperty().bind(vm.expiresProperty());
        dataAccess.textProperty().bind(vm.dataAccessProperty());
        granted.textProperty().bind(vm.grantedProperty());
        declined.textProperty().bind(vm.declinedProperty());
        vm.tokenProblems().addListener((ListChangeListener<AccessViewModel.Problem>) c -> fillTokenProblems());
        vm.pages().addListener((ListChangeListener<AccessViewModel.PageItem>) c -> fillPages());
        fillTokenProblems();
        fillPages();

        ExtendViewModel x = vm.extend();
        shown(extendBox, x.offeredProperty().or(x.doneProperty()));
        extendMessage.textProperty().bind(x.messageProperty());
        appId.textProperty().bindBidirectional(x.appIdProperty());
        appSecret.textProperty().bindBidirectional(x.appSecretProperty());
        for (Node n : new Node[] {appId, appSecret, extendButton}) {
            shown(n, x.offeredProperty());
        }
        extendButton.disableProperty().bind(x.canExtendProperty().not());
        extendButton.setOnAction(e -> x.extend());
        extendBusy.visibleProperty().bind(x.runningProperty());
        extendBusy.managedProperty().bind(x.offeredProperty());
        extendError.textProperty().bind(x.errorProperty());
        shown(extendError, x.errorProperty().isNotEmpty());

        close.setOnAction(e -> onClose.run());
    }

    private void outcome(AccessReport.Outcome o) {
        summary.getStyleClass().removeIf(s -> s.startsWith("outcome-"));
        if (o != null) {
            summary.getStyleClass().add("outcome-" + o.name().toLowerCase(Locale.ROOT));
        }
    }

    private void fillTokenProblems() {
        tokenProblems.getChildren().setAll(vm.tokenProblems().stream().map(this::problem).toList());
    }

    private void fillPages() {
        pages.getChildren().setAll(vm.pages().stream().map(this::page).toList());
    }

    private Node page(AccessViewModel.PageItem p) {
        Label name = new Label(p.name());
        name.getStyleClass().add("access-page-name");
        name.setWrapText(true);
        Label id = new Label(p.id());
        id.getStyleClass().addAll("text-small", "text-muted");
        id.setMinWidth(Label.USE_PREF_SIZE);
        Pane gap = new Pane();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label badge = new Label(p.canReadLeads() ? m.get("access.view.page.ok") : m.get("access.view.page.blocked"));
        badge.getStyleClass().addAll("access-badge", p.canReadLeads() ? "badge-ok" : "badge-blocked");
        badge.setMinWidth(Label.USE_PREF_SIZE);
        HBox head = new HBox(8, name, id, gap, badge);
        head.setAlignment(Pos.BASELINE_LEFT);
        Label tasks = new Label(m.format("access.view.tasks", p.tasks()));
        tasks.setWrapText(true);
        Label forms = new Label(p.forms());
        forms.setWrapText(true);
        VBox card = new VBox(4, head, tasks, forms);
        card.getStyleClass().addAll("access-card", "access-page", p.canReadLeads() ? "page-ok" : "page-blocked");
        card.setId("page-" + p.id());
        List<Node> problems = p.problems().stream().map(this::problem).toList();
        card.getChildren().addAll(problems);
        return card;
    }

    private Node problem(AccessViewModel.Problem p) {
        Label message = new Label(p.message());
        message.setWrapText(true);
        message.getStyleClass().add("access-problem-message");
        Label fix = new Label(m.format("access.view.fix", p.fix()));
        fix.setWrapText(true);
        Label code = new Label(p.code());
        code.getStyleClass().addAll("text-small", "text-muted", "access-problem-code");
        VBox box = new VBox(2, message, fix, code);
        box.getStyleClass().addAll("access-problem", p.blocking() ? "problem-blocking" : "problem-warning");
        return box;
    }

    private static void shown(Node n, ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(n.visibleProperty());
    }

    public AccessViewModel viewModel() {
        return vm;
    }

    public ScrollPane scroll() {
        return scroll;
    }
}
