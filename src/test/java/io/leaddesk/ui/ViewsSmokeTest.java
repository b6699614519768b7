package io.leaddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.store.LeadRow;
import io.leaddesk.ui.detail.LeadDetailViewModel;
import io.leaddesk.ui.leads.LeadsTableViewModel;
import io.leaddesk.ui.signin.SignInView;
import io.leaddesk.ui.signin.SignInViewModel;
import io.leaddesk.ui.workspace.WorkspaceView;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The FXML views load headless, bind to their ViewModels and react to input (fake services, real FX thread). */
@ExtendWith(ApplicationExtension.class)
class ViewsSmokeTest {
    private final Messages m = Messages.load(Locale.ENGLISH);
    private final FakeOpener opener = new FakeOpener(TestData.cache(500));
    private StackPane root;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) {
        executor = new FxTaskExecutor();
        root = io.leaddesk.ui.workspace.WorkspaceStage.styled(stage, 1280, 800);
    }

    @Test
    void expiredTokenShowsInlineMessage(FxRobot robot) throws Exception {
        opener.failure = new GraphException(GraphErrorKind.TOKEN, "expired", 190, 463, 400, null, null, null);
        SignInViewModel vm = new SignInViewModel(opener, new CredentialVaultInMemory(), executor, m);
        robot.interact(() -> root.getChildren().setAll(new SignInView(vm, m).root()));
        robot.interact(() -> robot.lookup("#tokenHidden").queryAs(TextField.class).setText("EAABexpiredtoken123"));
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#error").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#error").queryAs(Label.class).getText()).startsWith("This token has expired.");
        assertThat(robot.lookup("#error").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#result").query().isVisible()).isFalse();
    }

    @Test
    void workspaceShowsRowsSearchNarrowsAndSelectionFillsDetail(FxRobot robot) throws Exception {
        Workspace w = opener.signIn(new AccessToken("EAAB1234567890"), null);
        Formats f = new Formats(ZoneOffset.UTC, Locale.ENGLISH);
        LeadsTableViewModel leads = new LeadsTableViewModel(w.cache(), executor, m, Duration.ofMillis(10), ZoneOffset.UTC);
        LeadDetailViewModel detail = new LeadDetailViewModel(w.cache(), executor, m, f, Clock.systemUTC(), s -> { });
        WorkspaceViewModel vm = new WorkspaceViewModel(w, new CredentialVaultInMemory(), executor, m, f, leads, detail);
        robot.interact(() -> {
            root.getChildren().setAll(new WorkspaceView(vm, m, f, () -> { }).root());
            vm.open();
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "500 of 500".equals(leads.countTextProperty().get()));
        @SuppressWarnings("unchecked")
        TableView<LeadRow> table = robot.lookup("#table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Person 500").tryQuery().isPresent());
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Эл. адрес").tryQuery().isPresent());
        assertThat(robot.lookup("Я погоджуюсь на обробку персональних даних (required)").tryQuery()).isPresent();
        robot.interact(() -> table.requestFocus());
        robot.type(javafx.scene.input.KeyCode.DOWN);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Person 499".equals(detail.titleProperty().get()));
        TextField search = robot.lookup("#search").queryAs(TextField.class);
        robot.interact(() -> search.setText("p42@"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "1 of 500".equals(leads.countTextProperty().get()));
        assertThat(robot.lookup("#search").queryAs(TextField.class).getText()).isEqualTo("p42@");
        assertThat(table.getItems()).hasSize(1);
    }
}
