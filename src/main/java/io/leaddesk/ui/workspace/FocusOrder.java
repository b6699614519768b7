package io.leaddesk.ui.workspace;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Tab order in the workspace follows the reading order, not the order the window is built in: the search box, the
 * filter controls, the leads table, the lead detail's controls, the Pages tree, the toolbar (and a notice's buttons
 * while one shows), then round again; Shift+Tab goes back. A collapsed, hidden or disabled control is skipped. Tab
 * also leaves the review note (a note needs no tab character; the keyboard must not be trapped there).
 *
 * <p>A control reached this way shows its focus ring ({@code :focus-visible}) as with JavaFX's own traversal, and the
 * detail scrolls so the control is in view.
 */
final class FocusOrder {
    static final PseudoClass FOCUS_VISIBLE = PseudoClass.getPseudoClass("focus-visible");
    private static final Object RING = new Object();
    private final List<? extends Node> groups;

    /**
     * @param root   where Tab is taken over
     * @param groups the parts of the window in reading order; their own focusable controls go in scene-graph order
     */
    FocusOrder(Parent root, List<? extends Node> groups) {
        this.groups = groups;
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isAltDown() || e.isMetaDown() || root.getScene() == null) {
                return;
            }
            if (move(root.getScene(), !e.isShiftDown())) {
                e.consume();
            }
        });
    }

    /** The controls Tab goes through now, in order. */
    List<Node> stops() {
        List<Node> out = new ArrayList<>();
        for (Node g : groups) {
            if (g.getScene() != null && shown(g)) {
                collect(g, out);
            }
        }
        return out;
    }

    private boolean move(Scene scene, boolean forward) {
        List<Node> stops = stops();
        if (stops.isEmpty()) {
            return false;
        }
        int at = indexOf(stops, scene.getFocusOwner());
        int n = stops.size();
        int next = at < 0 ? (forward ? 0 : n - 1) : Math.floorMod(at + (forward ? 1 : -1), n);
        focus(stops.get(next));
        return true;
    }

    private static int indexOf(List<Node> stops, Node owner) {
        for (Node x = owner; x != null; x = x.getParent()) {
            for (int i = 0; i < stops.size(); i++) {
                if (stops.get(i) == x) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Visible all the way up (a hidden parent hides its controls). */
    private static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void collect(Node n, List<Node> out) {
        if (!n.isVisible() || n.isDisabled()) {
            return;
        }
        if (n.isFocusTraversable()) {
            out.add(n);
            if (n instanceof Control && !(n instanceof TitledPane)) {
                return; // a control is one stop; its insides are its own (a titled pane's content is not)
            }
        }
        if (n instanceof TitledPane t && !t.isExpanded()) {
            return;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /** Focuses {@code n} with its focus ring showing (until it loses the focus), scrolled into view. */
    static void focus(Node n) {
        n.requestFocus();
        n.pseudoClassStateChanged(FOCUS_VISIBLE, true);
        if (n.getProperties().putIfAbsent(RING, Boolean.TRUE) == null) {
            n.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    n.pseudoClassStateChanged(FOCUS_VISIBLE, n.isFocusVisible());
                }
            });
        }
        scrollIntoView(n);
    }

    private static void scrollIntoView(Node n) {
        for (Node x = n.getParent(); x != null; x = x.getParent()) {
            if (x instanceof ScrollPane sp && sp.getContent() != null) {
                Node content = sp.getContent();
                double contentH = content.getBoundsInLocal().getHeight();
                double viewH = sp.getViewportBounds().getHeight();
                if (contentH <= viewH) {
                    return;
                }
                Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                double top = sp.getVvalue() * (contentH - viewH);
                if (b.getMinY() < top) {
                    sp.setVvalue(b.getMinY() / (contentH - viewH));
                } else if (b.getMaxY() > top + viewH) {
                    sp.setVvalue(Math.min(1, (b.getMaxY() - viewH) / (contentH - viewH)));
                }
                return;
            }
        }
    }
}
