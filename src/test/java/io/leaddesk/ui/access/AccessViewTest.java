package io.leaddesk.ui.access;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.ui.AppHarness;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Access view in the real app, against the sample Graph API: a sync that meets a permission problem offers
 * "Check access…", which opens the view; it shows the token and every Page, and for the Page the person's role
 * cannot read, the problem with what to do. The toolbar's "Access…" brings the same window to the front.
 */
@ExtendWith(ApplicationExtension.class)
class AccessViewTest {
    private SampleGraphServer server;
    private AppHarness app;

    @Start
    void start(Stage stage) throws Exception {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(40));
        app = new AppHarness(SampleOptions.defaults().withLeads(10), server.baseUrl());
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        server.close();
    }

    /** Every text shown under {@code root}, in order. */
    static List<String> texts(Node root) {
        List<String> out = new java.util.ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    @Test
    void aSyncWithAPermissionProblemOffersTheAccessViewWhichNamesTheProblemAndTheFix(FxRobot robot) throws Exception {
        WorkspaceViewModel vm = AccessUi.signIn(app, robot, SampleTokens.LIMITED_ROLE, SampleTokens.APP_ID, SampleTokens.APP_SECRET);
        robot.clickOn("#syncAll");
        waitUntil(60, () -> !vm.syncingProperty().get() && vm.noticeProperty().get() != null
                && vm.noticeProperty().get().action() != null);
        Button action = robot.lookup("#noticeAction").queryButton();
        assertThat(onFx(() -> action.isVisible() ? action.getText() : "")).isEqualTo("Check access…");

        robot.clickOn("#noticeAction");
        AccessViewModel avm = AccessUi.checked(app);
        Parent root = onFx(() -> app.window.accessWindow().stage().getScene().getRoot());
        assertThat(onFx(() -> app.window.accessWindow().stage().isShowing())).isTrue();
        List<String> shown = onFx(() -> texts(root));
        assertThat(shown).contains("user token", "LeadDesk Sample App · ID 100000000000001", "Pages");
        assertThat(String.join("\n", shown)).contains("leads_retrieval").contains("Your tasks on the Page: ANALYZE");
        assertThat(onFx(avm::summaryProperty).get()).matches("The leads of 1 of \\d+ Pages cannot be read: see what to do below\\.");

        Node card = robot.lookup("#page-" + SampleTokens.BLOCKED_PAGE_ID).query();
        List<String> cardTexts = onFx(() -> texts(card));
        assertThat(cardTexts).contains("Leads cannot be read", "missing_task");
        assertThat(cardTexts).anySatisfy(t -> assertThat(t).endsWith("(ANALYZE) cannot read leads."));
        assertThat(cardTexts).anySatisfy(t -> assertThat(t).startsWith("What to do: Ask a Page admin to give you the Advertise task"));
        assertThat(onFx(() -> card.getStyleClass())).contains("page-blocked");
        long readableCards = onFx(() -> robot.lookup(".page-ok").queryAll().size());
        assertThat(readableCards).isPositive();

        // the toolbar's Access… brings the same window back, and Close closes it
        AccessWindow first = onFx(() -> app.window.accessWindow());
        robot.interact(() -> vm.access().open());
        assertThat(onFx(() -> app.window.accessWindow())).isSameAs(first);
        robot.clickOn(robot.lookup("#close").match(n -> n.getScene() == first.stage().getScene()).queryButton());
        waitUntil(10, () -> app.window.accessWindow() == null);
        assertThat(onFx(() -> first.stage().isShowing())).isFalse();
        assertThat(onFx(() -> robot.lookup("#access").queryButton().isDisabled())).isFalse();
    }

    @Test
    void theToolbarsAccessOpensTheViewForATokenThatReadsEveryPage(FxRobot robot) throws Exception {
        AccessUi.signIn(app, robot, SampleTokens.USER, SampleTokens.APP_ID, SampleTokens.APP_SECRET);
        robot.clickOn("#access");
        AccessViewModel avm = AccessUi.checked(app);
        assertThat(onFx(() -> avm.summaryProperty().get())).matches("The leads of all \\d+ Pages can be read\\.");
        Label summary = robot.lookup(".access-summary").queryAs(Label.class);
        assertThat(onFx(() -> summary.getStyleClass())).contains("outcome-readable");
    }
}
