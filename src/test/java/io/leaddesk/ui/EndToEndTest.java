package io.leaddesk.ui;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.store.StoredForm;
import io.leaddesk.ui.workspace.TreeEntry;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real app end to end, headless: sample Graph API over loopback, real SQLite cache in a temp folder. */
@ExtendWith(ApplicationExtension.class)
class EndToEndTest {
    private AppHarness app;
    private SampleGraphServer graph;

    @Start
    void start(Stage stage) throws Exception {
        graph = SampleGraphServer.start(SampleOptions.defaults().withLeads(200));
        app = new AppHarness(SampleOptions.defaults().withLeads(1500).withLatencyMs(120), graph.baseUrl());
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        graph.close();
    }

    @Test
    void sampleSignInSyncBrowseSearchAndReviewSurvivesReopening(FxRobot robot) throws Exception {
        robot.clickOn("#sample");
        waitUntil(20, () -> app.window.workspaceViewModel() != null
                && !app.window.workspaceViewModel().root().children().isEmpty()
                && app.window.workspaceViewModel().root().children().get(0).children().size() > 0);
        WorkspaceViewModel vm = app.workspace();
        assertThat(onFx(() -> vm.identityProperty().get())).isEqualTo("DEMO — sample data");
        TreeEntry firstForm = onFx(() -> vm.root().children().get(0).children().get(0));
        assertThat(firstForm.leadsCount()).isPositive();
        assertThat(onFx(() -> firstForm.detailProperty().get())).contains("Meta: ", "not synced yet").doesNotContain("expired");

        robot.clickOn("#syncAll");
        waitUntil(60, () -> vm.noticeProperty().get() != null && !vm.syncingProperty().get());
        String notice = onFx(() -> robot.lookup("#noticeText").queryAs(Label.class).getText());
        assertThat(notice).matches("Sync finished: [0-9,]+ new leads arrived\\.");
        long total = app.settledTotal(vm);
        assertThat(total).isGreaterThan(100);
        assertThat(onFx(() -> firstForm.cachedLeads())).isPositive();

        // a form with a custom disclaimer: select it, then the first lead
        StoredForm withDisclaimer = app.formWithDisclaimer();
        onFx(() -> {
            vm.selectedProperty().set(vm.form(withDisclaimer.id()));
            return null;
        });
        waitUntil(10, () -> vm.leads().scopeProperty().get().formIds().contains(withDisclaimer.id())
                && vm.leads().matchCountProperty().get() == withDisclaimer.cachedLeads());
        @SuppressWarnings("unchecked")
        TableView<LeadRow> table = robot.lookup("#table").queryAs(TableView.class);
        waitUntil(10, () -> table.getItems().size() > 1 && io.leaddesk.ui.leads.LeadRowList.isLoaded(table.getItems().get(0)));
        robot.interact(() -> table.getSelectionModel().select(0));
        waitUntil(10, () -> vm.detail().presentProperty().get() && !vm.detail().checkboxes().isEmpty());
        String firstQuestion = withDisclaimer.form().questions().get(0).label();
        String checkboxText = withDisclaimer.form().disclaimer().checkboxes().get(0).text();
        assertThat(robot.lookup(n -> n instanceof Label l && firstQuestion.equals(l.getText())).tryQuery()).isPresent();
        assertThat(robot.lookup(n -> n instanceof Label l && l.getText() != null && l.getText().startsWith(checkboxText)).tryQuery()).isPresent();
        String leadId = onFx(() -> vm.detail().leadIdProperty().get());
        String email = onFx(() -> vm.detail().emailProperty().get());
        assertThat(email).isNotBlank();

        // arrow key moves to the next lead and the detail follows
        robot.interact(table::requestFocus);
        robot.type(javafx.scene.input.KeyCode.DOWN);
        waitUntil(10, () -> !leadId.equals(vm.detail().leadIdProperty().get()) && vm.detail().presentProperty().get());

        // search narrows the rows
        onFx(() -> {
            vm.selectedProperty().set(vm.root());
            return null;
        });
        waitUntil(10, () -> vm.leads().matchCountProperty().get() == total);
        type(robot, "#search", email);
        waitUntil(10, () -> vm.leads().matchCountProperty().get() >= 1 && vm.leads().matchCountProperty().get() < total);
        assertThat(onFx(() -> robot.lookup("#count").queryAs(Label.class).getText())).endsWith(" of " + String.format("%,d", total));

        // set a review status through the detail's combo box
        robot.interact(() -> table.getSelectionModel().select(0));
        waitUntil(10, () -> vm.detail().presentProperty().get());
        String reviewed = onFx(() -> vm.detail().leadIdProperty().get());
        @SuppressWarnings("unchecked")
        ComboBox<ReviewStatus> status = robot.lookup("#status").match(n -> n.getParent() != null
                && n.getScene() != null && n.isVisible() && n.lookup(".combo-box") != null && ((ComboBox<?>) n).getItems().size() == 5)
                .queryAs(ComboBox.class);
        robot.interact(() -> status.setValue(ReviewStatus.QUALIFIED));
        waitUntil(10, () -> vm.detail().reviewMessageProperty().get().equals("Review saved."));

        // reopen the workspace: sign out, then the sample again
        robot.clickOn("#signOut");
        // the sign-in screen is laid out (a node has no size before its first layout pass, and TestFX clicks only
        // nodes it finds within the scene)
        waitUntil(10, () -> app.window.signInViewModel() != null
                && robot.lookup("#sample").match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        robot.clickOn("#sample");
        waitUntil(20, () -> app.window.workspaceViewModel() != null && app.window.workspaceViewModel().leads().matchCountProperty().get() > 0);
        WorkspaceViewModel again = app.workspace();
        assertThat(again).isNotSameAs(vm);
        type(robot, "#search", email);
        try {
            waitUntil(10, () -> again.leads().matchCountProperty().get() >= 1 && again.leads().matchCountProperty().get() < total);
        } catch (AssertionError e) {
            throw new AssertionError(state(again) + " total=" + total + " email=" + email);
        }
        @SuppressWarnings("unchecked")
        TableView<LeadRow> table2 = robot.lookup("#table").queryAs(TableView.class);
        waitUntil(10, () -> io.leaddesk.ui.leads.LeadRowList.isLoaded(table2.getItems().get(0)));
        int idx = onFx(() -> {
            for (int i = 0; i < table2.getItems().size(); i++) {
                if (reviewed.equals(table2.getItems().get(i).id())) {
                    return i;
                }
            }
            return -1;
        });
        assertThat(idx).isGreaterThanOrEqualTo(0);
        assertThat(onFx(() -> table2.getItems().get(idx).status())).isEqualTo(ReviewStatus.QUALIFIED);
        robot.interact(() -> table2.getSelectionModel().select(idx));
        waitUntil(10, () -> reviewed.equals(again.detail().leadIdProperty().get()));
        assertThat(onFx(() -> again.detail().statusProperty().get())).isEqualTo(ReviewStatus.QUALIFIED);
    }

    private static String state(WorkspaceViewModel vm) {
        try {
            return onFx(() -> "search=" + vm.leads().searchProperty().get() + " matches=" + vm.leads().matchCountProperty().get()
                    + " loading=" + vm.leads().loadingProperty().get() + " error=" + vm.leads().errorProperty().get()
                    + " syncing=" + vm.syncingProperty().get() + " status=" + vm.statusTextProperty().get());
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Puts text into a field as the user would (focus does not exist reliably in headless TestFX, so set it directly). */
    private static void type(FxRobot robot, String query, String text) {
        robot.interact(() -> {
            // looked up on the FX thread: the window may still be building (a lookup elsewhere races its children)
            TextField f = robot.lookup(query).queryAs(TextField.class);
            f.requestFocus();
            f.setText(text);
        });
    }

    @Test
    void deletingALeadAsksFirstThenErasesItFromTheTable(FxRobot robot) throws Exception {
        WorkspaceViewModel vm = app.openSampleWorkspace(robot);
        robot.clickOn("#syncAll");
        waitUntil(60, () -> vm.noticeProperty().get() != null && !vm.syncingProperty().get());
        long total = app.settledTotal(vm);
        @SuppressWarnings("unchecked")
        TableView<LeadRow> table = robot.lookup("#table").queryAs(TableView.class);
        waitUntil(10, () -> !table.getItems().isEmpty() && io.leaddesk.ui.leads.LeadRowList.isLoaded(table.getItems().get(0)));
        robot.interact(() -> table.getSelectionModel().select(0));
        waitUntil(10, () -> vm.detail().presentProperty().get());
        String id = onFx(() -> vm.detail().leadIdProperty().get());
        String who = onFx(() -> vm.detail().titleProperty().get());

        // Cancel (the default answer) keeps the lead
        robot.clickOn("#delete");
        waitUntil(10, () -> dialogButton(robot, "Cancel") != null);
        assertThat(onFx(() -> dialogButton(robot, "Cancel").isDefaultButton())).isTrue();
        robot.clickOn(dialogButton(robot, "Cancel"));
        waitUntil(10, () -> dialogButton(robot, "Cancel") == null);
        assertThat(onFx(() -> vm.detail().leadIdProperty().get())).isEqualTo(id);
        assertThat(app.cacheHasLead(id)).isTrue();

        // Delete erases it: gone from the table, the cache and the detail pane
        robot.clickOn("#delete");
        waitUntil(10, () -> dialogButton(robot, "Delete") != null);
        robot.clickOn(dialogButton(robot, "Delete"));
        waitUntil(20, () -> vm.leads().totalCountProperty().get() == total - 1);
        assertThat(onFx(() -> robot.lookup("#noticeText").queryAs(Label.class).getText()))
                .isEqualTo("Deleted the lead of " + who + " from this computer.");
        assertThat(app.cacheHasLead(id)).isFalse();
    }

    /** A button of the open confirmation dialog, by its text; null when no dialog shows one. */
    private static javafx.scene.control.Button dialogButton(FxRobot robot, String text) {
        return robot.lookup(n -> n instanceof javafx.scene.control.Button b && text.equals(b.getText())
                && b.getScene() != null && b.getScene().getRoot() instanceof javafx.scene.control.DialogPane && b.isVisible())
                .tryQuery().map(javafx.scene.control.Button.class::cast).orElse(null);
    }

    @Test
    void expiredTokenShowsTheInlineMessageAndNoWorkspace(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#tokenHidden").queryAs(TextField.class).setText(SampleTokens.EXPIRED));
        robot.clickOn("#signIn");
        waitUntil(20, () -> !robot.lookup("#error").queryAs(Label.class).getText().isEmpty());
        assertThat(onFx(() -> robot.lookup("#error").queryAs(Label.class).getText())).startsWith("This token has expired.");
        assertThat(onFx(() -> robot.lookup("#result").query().isVisible())).isFalse();
        assertThat(app.workspace()).isNull();
    }

    @Test
    void userTokenSignInShowsKindNameAndPages(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#tokenHidden").queryAs(TextField.class).setText(SampleTokens.USER));
        robot.clickOn("#signIn");
        waitUntil(20, () -> robot.lookup("#result").query().isVisible());
        assertThat(onFx(() -> robot.lookup("#who").queryAs(Label.class).getText())).startsWith("Signed in with a user token as ");
        assertThat(onFx(() -> robot.lookup("#pages").queryAs(Label.class).getText())).isNotBlank();
        robot.clickOn("#continueButton");
        waitUntil(20, () -> app.window.workspaceViewModel() != null);
        assertThat(onFx(() -> app.window.workspaceViewModel().identityProperty().get())).contains("user token");
    }
}
