package io.leaddesk.ui;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The right-click menu of text fields speaks the app's language, also where JavaFX has no translation of its own
 * (Ukrainian here), offers JavaFX's items, and its items act on the field; a password field never offers Cut or Copy.
 */
@ExtendWith(ApplicationExtension.class)
class TextMenusTest {
    private TextField search;
    private PasswordField token;

    @Start
    void start(Stage stage) {
        TextMenus.installEverywhere(Messages.load(Locale.forLanguageTag("uk")));
        search = new TextField("Ірина Уявна");
        token = new PasswordField();
        token.setText("EAABnotARealToken");
        stage.setScene(new Scene(new VBox(8, search, token), 400, 200));
        stage.show();
    }

    /** Later tests in this JVM get the English texts back, as their MainWindow would set them. */
    @AfterAll
    static void englishAgain() throws Exception {
        onFx(() -> {
            TextMenus.installEverywhere(Messages.load(Locale.ENGLISH));
            return null;
        });
    }

    @AfterEach
    void hideMenus() throws Exception {
        onFx(() -> {
            for (TextInputControl t : List.of(search, token)) {
                if (t.getContextMenu() != null) {
                    t.getContextMenu().hide();
                }
            }
            return null;
        });
    }

    /** Asks for the field's context menu as a right-click does, and waits until it shows. */
    private ContextMenu openMenu(TextInputControl t) throws Exception {
        onFx(() -> {
            Bounds b = t.localToScreen(t.getBoundsInLocal());
            Event.fireEvent(t, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10,
                    b.getMinX() + 10, b.getMinY() + 10, false, null));
            return null;
        });
        waitUntil(10, () -> t.getContextMenu() != null && t.getContextMenu().isShowing());
        return onFx(t::getContextMenu);
    }

    /** The items' texts; on the FX thread. */
    private static List<String> texts(ContextMenu menu) {
        return menu.getItems().stream().filter(i -> !(i instanceof SeparatorMenuItem)).map(MenuItem::getText).toList();
    }

    /** The item with {@code text}; on the FX thread. */
    private static MenuItem item(ContextMenu menu, String text) {
        return menu.getItems().stream().filter(i -> text.equals(i.getText())).findFirst().orElseThrow();
    }

    @Test
    void theMenuIsInTheAppsLanguageAndItsItemsActOnTheField() throws Exception {
        onFx(() -> {
            search.deselect();
            return null;
        });
        ContextMenu menu = openMenu(search);
        assertThat(onFx(() -> texts(menu))).containsExactly("Скасувати", "Повторити", "Вирізати", "Копіювати", "Вставити",
                "Видалити", "Виділити все");
        assertThat(onFx(() -> item(menu, "Копіювати").isDisable())).as("nothing selected").isTrue();

        onFx(() -> {
            item(menu, "Виділити все").fire();
            return null;
        });
        assertThat(onFx(() -> search.getSelectedText())).isEqualTo("Ірина Уявна");
        hideMenus();

        ContextMenu again = openMenu(search);
        assertThat(onFx(() -> item(again, "Вирізати").isDisable())).isFalse();
        onFx(() -> {
            item(again, "Видалити").fire();
            return null;
        });
        assertThat(onFx(() -> search.getText())).isEmpty();
    }

    @Test
    void aPasswordFieldNeverOffersCutOrCopy() throws Exception {
        onFx(() -> {
            token.selectAll();
            return null;
        });
        ContextMenu menu = openMenu(token);
        assertThat(onFx(() -> item(menu, "Вирізати").isDisable())).isTrue();
        assertThat(onFx(() -> item(menu, "Копіювати").isDisable())).isTrue();
        assertThat(onFx(() -> item(menu, "Видалити").isDisable())).as("deleting a selection is fine").isFalse();
    }
}
