package io.leaddesk.ui.signin;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleOptions;
import io.leaddesk.ui.AppHarness;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "How do I get a token?" on the sign-in screen: the three usual ways with concrete steps (Graph API Explorer, then
 * Make this token last; a system-user token that does not expire; a Page token) and every permission LeadDesk needs,
 * readable without scrolling; Close goes back to the sign-in screen.
 */
@ExtendWith(ApplicationExtension.class)
class TokenHelpTest {
    private AppHarness app;

    @Start
    void start(Stage stage) throws Exception {
        app = new AppHarness(SampleOptions.defaults().withLeads(5), null);
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    /** The help dialog, once it shows. */
    static Stage openHelp(FxRobot robot) throws Exception {
        robot.clickOn("#tokenHelp");
        waitUntil(10, () -> help() != null);
        return onFx(TokenHelpTest::help);
    }

    private static Stage help() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w instanceof Stage s && "How do I get a token?".equals(s.getTitle())) {
                return s;
            }
        }
        return null;
    }

    private static void texts(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> texts(c, out));
        }
    }

    @Test
    void theThreeWaysAndThePermissionsAreShownWithoutScrollingAndCloseGoesBack(FxRobot robot) throws Exception {
        Stage help = openHelp(robot);
        List<String> shown = onFx(() -> {
            List<String> out = new ArrayList<>();
            texts(help.getScene().getRoot(), out);
            return out;
        });
        String all = String.join("\n", shown);
        assertThat(shown).contains("1. Graph API Explorer", "2. System-user token", "3. Page token",
                "Permissions LeadDesk needs");
        assertThat(all).contains("developers.facebook.com/tools/explorer", "Generate Access Token",
                "Make this token last", "Business settings > Users > System users", "Never", "Page token");
        for (String permission : new String[] {"leads_retrieval", "pages_show_list", "pages_read_engagement",
                "pages_manage_ads", "ads_read", "ads_management", "business_management"}) {
            assertThat(all).as(permission).contains(permission);
        }
        TokenHelpView view = onFx(() -> (TokenHelpView) help.getUserData());
        assertThat(onFx(() -> view.scroll().getContent().getBoundsInLocal().getHeight()
                <= view.scroll().getViewportBounds().getHeight() + 1)).as("fits without scrolling").isTrue();

        robot.clickOn(robot.lookup("#close").match(n -> n.getScene() == help.getScene()).queryButton());
        waitUntil(10, () -> help() == null);
        assertThat(onFx(() -> app.window.signInViewModel())).isNotNull();
    }
}
