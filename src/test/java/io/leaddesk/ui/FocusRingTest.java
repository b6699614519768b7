package io.leaddesk.ui;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleOptions;
import io.leaddesk.store.AppSettings;
import io.leaddesk.store.LeadRow;
import io.leaddesk.ui.leads.LeadRowList;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Keyboard focus is always visible: every control the keyboard can reach in the workspace and the export dialog
 * looks different with the focus than without it (its pixels around it, compared), in the light and the dark theme.
 */
@ExtendWith(ApplicationExtension.class)
class FocusRingTest {
    private static final PseudoClass FOCUSED = PseudoClass.getPseudoClass("focused");
    private static final PseudoClass FOCUS_VISIBLE = PseudoClass.getPseudoClass("focus-visible");
    /** Pixels that must change: a ring round even a small check box is more than this. */
    private static final int RING_PIXELS = 30;
    private AppHarness app;

    @Start
    void start(Stage stage) throws Exception {
        app = new AppHarness(SampleOptions.defaults().withLeads(120), null);
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        MainWindow.applyTheme(AppSettings.defaults());
        app.close();
    }

    @Test
    void everyFocusableControlShowsAFocusRingInBothThemes(FxRobot robot) throws Exception {
        WorkspaceViewModel vm = app.openSampleWorkspace(robot);
        robot.clickOn("#syncAll");
        waitUntil(60, () -> !vm.syncingProperty().get() && vm.leads().matchCountProperty().get() > 0);
        @SuppressWarnings("unchecked")
        TableView<LeadRow> leads = robot.lookup("#table").queryAs(TableView.class);
        waitUntil(10, () -> !leads.getItems().isEmpty() && LeadRowList.isLoaded(leads.getItems().get(0)));
        robot.interact(() -> leads.getSelectionModel().select(0));
        waitUntil(10, () -> vm.detail().presentProperty().get());
        Scene workspace = onFx(() -> leads.getScene());
        robot.clickOn("#export");
        waitUntil(10, () -> app.window.exportStage() != null && app.window.exportStage().isShowing());
        Scene export = onFx(() -> app.window.exportStage().getScene());
        waitUntil(20, () -> !app.window.exportView().previewTable().getItems().isEmpty());

        List<String> noRing = new ArrayList<>();
        Set<String> kinds = new LinkedHashSet<>();
        for (String theme : List.of(AppSettings.LIGHT, AppSettings.DARK)) {
            robot.interact(() -> MainWindow.applyTheme(AppSettings.defaults().withTheme(theme)));
            WaitForAsyncUtils.waitForFxEvents();
            for (Scene scene : List.of(workspace, export)) {
                for (Node n : onFx(() -> focusable(scene.getRoot()))) {
                    kinds.add(n.getClass().getSimpleName());
                    int changed = onFx(() -> ringPixels(scene, n));
                    if (changed < RING_PIXELS) {
                        noRing.add(theme + ": " + describe(n) + " (" + changed + " pixels)");
                    }
                }
            }
        }
        assertThat(noRing).as("controls without a visible focus ring").isEmpty();
        assertThat(kinds).as("the kinds of control checked").contains("Button", "ToggleButton", "CheckBox", "ComboBox",
                "DatePicker", "TextField", "TextArea", "TableView", "TreeView", "ListView");
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId())
                + (n instanceof javafx.scene.control.Labeled l && l.getText() != null ? " \"" + l.getText() + "\"" : "");
    }

    /** The controls Tab can reach: focus-traversable, shown, enabled; one stop each (a titled pane's content too). */
    private static List<Node> focusable(Parent root) {
        List<Node> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Node> out) {
        if (!n.isVisible() || n.isDisabled() || n.getScene() == null) {
            return;
        }
        Bounds b = n.localToScene(n.getLayoutBounds());
        if (b.getWidth() <= 0 || b.getHeight() <= 0 || b.getMaxY() < 0 || b.getMinY() > n.getScene().getHeight()) {
            return; // scrolled out of sight: nothing to see, on or off
        }
        if (n.isFocusTraversable()) {
            out.add(n);
            if (n instanceof Control && !(n instanceof TitledPane)) {
                return;
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /** How many pixels around {@code n} change when it gets the keyboard focus. */
    private static int ringPixels(Scene scene, Node n) {
        Node owner = scene.getFocusOwner();
        if (owner == n) {
            // the baseline without the focus: give it to the root for a moment
            scene.getRoot().requestFocus();
        }
        set(n, false);
        WritableImage off = scene.snapshot(null);
        n.requestFocus();
        set(n, true);
        WritableImage on = scene.snapshot(null);
        set(n, false);
        Bounds b = n.localToScene(n.getLayoutBounds());
        int x0 = (int) Math.max(0, Math.floor(b.getMinX()) - 6);
        int y0 = (int) Math.max(0, Math.floor(b.getMinY()) - 6);
        int x1 = (int) Math.min(off.getWidth(), Math.ceil(b.getMaxX()) + 6);
        int y1 = (int) Math.min(off.getHeight(), Math.ceil(b.getMaxY()) + 6);
        PixelReader a = off.getPixelReader();
        PixelReader c = on.getPixelReader();
        int changed = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (distance(a.getArgb(x, y), c.getArgb(x, y)) > 40) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /** The state JavaFX gives a control the keyboard moved to in a focused window (headless windows get no focus). */
    private static void set(Node n, boolean on) {
        n.pseudoClassStateChanged(FOCUSED, on);
        n.pseudoClassStateChanged(FOCUS_VISIBLE, on);
        n.applyCss();
        if (n.getParent() != null) {
            n.getParent().layout();
        }
    }

    private static int distance(int p, int q) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
        }
        return d;
    }
}
