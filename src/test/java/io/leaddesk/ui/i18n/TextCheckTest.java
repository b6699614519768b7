package io.leaddesk.ui.i18n;

import static io.leaddesk.ui.AppHarness.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.i18n.PseudoText;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The pseudo-locale check finds a hard-coded string and a cut-off button, and lets data and pseudo text pass. */
@ExtendWith(ApplicationExtension.class)
class TextCheckTest {
    private Scene scene;

    @Start
    void start(Stage stage) {
        Button narrow = new Button(PseudoText.pseudo("Synchronise every form"));
        narrow.setMaxWidth(60);
        Label badge = new Label(PseudoText.pseudo("Olena Kovalenko, Kovalenko Marketing"));
        badge.setMaxWidth(60);
        badge.setTooltip(new Tooltip(badge.getText())); // ellipsized where space is truly fixed, shown whole on hover
        VBox root = new VBox(new Label(PseudoText.pseudo("Sync all")), new Label("Olena Kovalenko"), new Label("Cancel"), narrow, badge);
        scene = new Scene(root, 400, 200);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void findsHardCodedAndCutOffTextButNotDataPseudoTextOrEllipsisWithTooltip() throws Exception {
        List<String> problems = onFx(() -> new TextCheck(Set.of("Olena", "Kovalenko")).scene("test", scene).problems);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("\"Cancel\" is not from the bundles");
        assertThat(problems.get(1)).contains("Button", "is cut off");
    }
}
