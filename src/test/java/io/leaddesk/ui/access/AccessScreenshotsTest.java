package io.leaddesk.ui.access;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.screenshot;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.ui.AppHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders "How do I get a token?" and the Access view with a problem (a role that cannot read one Page) into
 * {@code screenshots/token-help.png} and {@code screenshots/access-problem.png}: {@code mvn -B verify -Pscreenshots}.
 * Before each shot, no text on screen (a password field shows dots, not its text) holds the token or the app secret.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class AccessScreenshotsTest {
    private static final Path OUT = Path.of("screenshots");
    private static final List<String> SECRETS = List.of(SampleTokens.LIMITED_ROLE, SampleTokens.APP_SECRET,
            SampleTokens.PAGE_TOKEN_PREFIX, "sample-page-limited-");
    private SampleGraphServer server;
    private AppHarness app;

    @Start
    void start(Stage stage) throws Exception {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(200));
        app = new AppHarness(SampleOptions.defaults().withLeads(10), server.baseUrl());
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        server.close();
    }

    /** The texts a screenshot would show: labels, buttons, fields other than password fields. */
    static List<String> visibleTexts(Scene scene) throws Exception {
        return onFx(() -> {
            List<String> out = new ArrayList<>();
            collect(scene.getRoot(), out);
            return out;
        });
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof TextInputControl t && !(n instanceof PasswordField) && t.getText() != null) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    private static void shot(Scene scene, String file) throws Exception {
        String shown = String.join("\n", visibleTexts(scene));
        for (String secret : SECRETS) {
            assertThat(shown).as("a token or the app secret on screen").doesNotContain(secret);
        }
        screenshot(scene, OUT.resolve(file));
        assertThat(Files.size(OUT.resolve(file))).isGreaterThan(10_000);
    }

    private static Stage window(String title) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w instanceof Stage s && title.equals(s.getTitle())) {
                return s;
            }
        }
        return null;
    }

    @Test
    void rendersTokenHelpAndTheAccessViewWithAProblem(FxRobot robot) throws Exception {
        waitUntil(10, () -> app.window.signInViewModel() != null);
        robot.clickOn("#tokenHelp");
        waitUntil(10, () -> window("How do I get a token?") != null);
        Stage help = onFx(() -> window("How do I get a token?"));
        robot.interact(() -> { });
        shot(help.getScene(), "token-help.png");
        robot.clickOn(robot.lookup("#close").match(n -> n.getScene() == help.getScene()).queryButton());
        waitUntil(10, () -> window("How do I get a token?") == null);

        AccessUi.signIn(app, robot, SampleTokens.LIMITED_ROLE, SampleTokens.APP_ID, SampleTokens.APP_SECRET);
        robot.clickOn("#access");
        AccessViewModel vm = AccessUi.checked(app);
        assertThat(onFx(() -> vm.outcomeProperty().get())).hasToString("BLOCKED");
        Scene access = onFx(() -> app.window.accessWindow().stage().getScene());
        // tall enough to show the token's card and every Page's at once
        robot.interact(() -> {
            Stage st = app.window.accessWindow().stage();
            st.setWidth(900);
            st.setHeight(990);
        });
        ScrollPane scroll = onFx(() -> app.window.accessWindow().view().scroll());
        waitUntil(10, () -> scroll.getContent().getBoundsInLocal().getHeight() <= scroll.getViewportBounds().getHeight() + 1);
        robot.interact(() -> { });
        shot(access, "access-problem.png");
    }
}
