package io.leaddesk.ui.settings;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleOptions;
import io.leaddesk.store.SettingsStore;
import io.leaddesk.ui.AppHarness;
import io.leaddesk.ui.ErrorText;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Settings dialog in the real app, headless: it closes only once the settings were written. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {
    private AppHarness app;

    @Start
    void start(Stage stage) throws Exception {
        app = new AppHarness(SampleOptions.defaults().withLeads(10), null);
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    private static <T extends Node> T in(FxRobot robot, Dialog<?> d, String id, Class<T> type) {
        return robot.from(d.getDialogPane()).lookup(id).queryAs(type);
    }

    @Test
    void aFailedSaveKeepsTheDialogOpenWithTheSentenceAboveSaveAndASuccessfulOneClosesIt(FxRobot robot) throws Exception {
        Path notAFolder = Files.writeString(app.dataFolder.resolve("not-a-folder"), "x");
        robot.interact(() -> app.window.openSettings());
        waitUntil(10, () -> app.window.settingsDialog() != null && app.window.settingsDialog().isShowing());
        Dialog<ButtonType> d = onFx(() -> app.window.settingsDialog());
        TextField folder = in(robot, d, "#dataFolder", TextField.class);
        Label error = in(robot, d, "#error", Label.class);
        Button save = in(robot, d, "#saveSettings", Button.class);
        assertThat(onFx(save::getText)).isEqualTo("Save");

        robot.interact(() -> folder.setText(notAFolder.resolve("data").toString()));
        robot.clickOn(save);
        waitUntil(20, () -> !error.getText().isEmpty() && !save.isDisabled());

        assertThat(onFx(d::isShowing)).as("the dialog stays open after a failed save").isTrue();
        String sentence = onFx(error::getText);
        assertThat(sentence).startsWith("The settings could not be saved in " + notAFolder.resolve("data"));
        assertThat(ErrorText.isPlain(sentence)).as(sentence).isTrue();
        assertThat(onFx(error::isVisible)).isTrue();
        Bounds e = onFx(() -> error.localToScene(error.getBoundsInLocal()));
        Bounds b = onFx(() -> save.localToScene(save.getBoundsInLocal()));
        assertThat(b.getMinY() - e.getMaxY()).as("the sentence sits right above the Save button").isBetween(0.0, 60.0);

        robot.interact(() -> folder.setText(app.dataFolder.toString()));
        robot.clickOn(save);
        waitUntil(20, () -> app.window.settingsDialog() == null);
        assertThat(Files.isRegularFile(app.dataFolder.resolve(SettingsStore.FILE_NAME))).as("written before it closed").isTrue();
    }

    @Test
    void choosingALanguageShowsItsNoteAndNoTextInTheDialogIsCutShort(FxRobot robot) throws Exception {
        robot.interact(() -> app.window.openSettings());
        waitUntil(10, () -> app.window.settingsDialog() != null && app.window.settingsDialog().isShowing());
        Dialog<ButtonType> d = onFx(() -> app.window.settingsDialog());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> language = in(robot, d, "#language", javafx.scene.control.ComboBox.class);
        robot.interact(() -> language.setValue("uk"));
        Label note = in(robot, d, "#languageNote", Label.class);
        waitUntil(10, () -> note.isVisible() && !note.getText().isEmpty());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = onFx(() -> {
            List<String> out = new java.util.ArrayList<>();
            for (Node n : d.getDialogPane().lookupAll(".label")) {
                if (n instanceof Label l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()
                        && l.lookup(".text") instanceof javafx.scene.text.Text shown && !shown.getText().equals(l.getText())) {
                    out.add(l.getText() + " -> " + shown.getText());
                }
            }
            return out;
        });
        assertThat(cut).as("texts shown cut to \"…\"").isEmpty();
    }

    @Test
    void copyDiagnosticsPutsTheReportOnTheClipboard(FxRobot robot) throws Exception {
        robot.interact(() -> app.window.openSettings());
        waitUntil(10, () -> app.window.settingsDialog() != null && app.window.settingsDialog().isShowing());
        Dialog<ButtonType> d = onFx(() -> app.window.settingsDialog());
        Label note = in(robot, d, "#diagnosticsNote", Label.class);
        robot.clickOn(in(robot, d, "#copyDiagnostics", Button.class));
        waitUntil(20, () -> note.getText().startsWith("Copied"));
        String copied = onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(copied).startsWith("LeadDesk diagnostics").contains("Data folder: " + app.dataFolder, "Last 200 log lines:");
    }
}
