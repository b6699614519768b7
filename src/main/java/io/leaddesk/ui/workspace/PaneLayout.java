package io.leaddesk.ui.workspace;

import io.leaddesk.ui.UiState;
import io.leaddesk.ui.UiStateStore;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;

/**
 * The three panes side by side: the pages tree and the lead detail keep their widths when the window grows (the
 * table gets the growth), both can be dragged wider or narrower and collapsed with their toolbar toggles, and all of
 * it is remembered ({@link UiState.Panes}). First run: widths that leave the table at least five useful columns at
 * 1024 px.
 */
final class PaneLayout {
    private final SplitPane split;
    private final Region tree;
    private final Region table;
    private final Region detail;
    private final ToggleButton treeToggle;
    private final ToggleButton detailToggle;
    private final UiStateStore memory;
    private double treeWidth;
    private double detailWidth;
    private final java.util.function.DoubleSupplier tableWants;
    private boolean applying;
    private boolean placed;
    private boolean fresh;

    /** Below this window width, a first run starts with the pages tree collapsed (its toggle brings it back). */
    static final double NARROW = 1150;

    /**
     * @param tableWants the width the table needs to show its first five columns: the side panes give way to it when
     *                   they are placed (a layout remembered in a wider window, or a first run in a narrow one)
     */
    PaneLayout(SplitPane split, Region tree, Region table, Region detail, ToggleButton treeToggle, ToggleButton detailToggle,
               UiStateStore memory, java.util.function.DoubleSupplier tableWants) {
        this.tableWants = tableWants;
        this.split = split;
        this.tree = tree;
        this.table = table;
        this.detail = detail;
        this.treeToggle = treeToggle;
        this.detailToggle = detailToggle;
        this.memory = memory;
        UiState.Panes p = memory.get().panes();
        fresh = p.equals(UiState.Panes.DEFAULT);
        treeWidth = p.treeWidth();
        detailWidth = p.detailWidth();
        SplitPane.setResizableWithParent(tree, false);
        SplitPane.setResizableWithParent(detail, false);
        treeToggle.setSelected(!p.treeCollapsed());
        detailToggle.setSelected(!p.detailCollapsed());
        items();
        treeToggle.selectedProperty().addListener((o, a, b) -> collapseChanged());
        detailToggle.selectedProperty().addListener((o, a, b) -> collapseChanged());
        split.widthProperty().addListener((o, a, w) -> {
            if (w.doubleValue() <= 0) {
                return;
            }
            placed = true;
            if (fresh && (w.doubleValue() < NARROW) == treeToggle.isSelected()) {
                // until the user lays the panes out: the tree gives way in a narrow window and comes back in a
                // wide one (a default for this window, not the user's choice: not remembered)
                applying = true;
                try {
                    treeToggle.setSelected(w.doubleValue() >= NARROW);
                    items();
                } finally {
                    applying = false;
                }
                Platform.runLater(this::place); // the split lays its new dividers out first
            }
            // at every size: the side panes keep their widths, giving way only so the table keeps five columns
            place();
        });
        // widths are the user's once they drag a divider (a layout pass or a window resize is not a choice)
        split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getTarget() instanceof Node n && isDivider(n)) {
                Platform.runLater(this::dragged);
            }
        });
    }

    /** First-run widths for a window {@code w} pixels wide. */
    static double defaultTreeWidth(double w) {
        return Math.max(170, Math.min(280, w * 0.17));
    }

    static double defaultDetailWidth(double w) {
        return Math.max(250, Math.min(420, w * 0.26));
    }

    private void items() {
        List<Node> want = new ArrayList<>();
        if (treeToggle.isSelected()) {
            want.add(tree);
        }
        want.add(table);
        if (detailToggle.isSelected()) {
            want.add(detail);
        }
        if (!split.getItems().equals(want)) {
            applying = true;
            try {
                split.getItems().setAll(want);
            } finally {
                applying = false;
            }
        }
    }

    private void collapseChanged() {
        if (applying) {
            return;
        }
        items();
        remember();
        Platform.runLater(this::place);
    }

    /** Puts the dividers where the remembered (or default) widths say. */
    private void place() {
        double w = split.getWidth();
        if (w <= 0) {
            return;
        }
        double tw = treeWidth > 0 ? treeWidth : defaultTreeWidth(w);
        double dw = detailWidth > 0 ? detailWidth : defaultDetailWidth(w);
        // the table keeps room for its first five columns: the side panes give way, keeping their proportion
        double room = w - Math.max(table.minWidth(-1), tableWants.getAsDouble()) - 24;
        double sides = (treeToggle.isSelected() ? tw : 0) + (detailToggle.isSelected() ? dw : 0);
        if (sides > room && room > 0) {
            tw *= room / sides;
            dw *= room / sides;
        }
        applying = true;
        try {
            if (treeToggle.isSelected() && detailToggle.isSelected()) {
                split.setDividerPositions(tw / w, (w - dw) / w);
            } else if (treeToggle.isSelected()) {
                split.setDividerPositions(tw / w);
            } else if (detailToggle.isSelected()) {
                split.setDividerPositions((w - dw) / w);
            }
        } finally {
            applying = false;
        }
    }

    private static boolean isDivider(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
            if (x instanceof SplitPane) {
                return false;
            }
        }
        return false;
    }

    /** A divider moved (the user dragged it): the side panes' widths are remembered. */
    private void dragged() {
        if (applying || !placed || split.getWidth() <= 0) {
            return;
        }
        if (split.getItems().contains(tree) && tree.getWidth() > 0) {
            treeWidth = Math.round(tree.getWidth());
        }
        if (split.getItems().contains(detail) && detail.getWidth() > 0) {
            detailWidth = Math.round(detail.getWidth());
        }
        remember();
    }

    private void remember() {
        fresh = false;
        UiState.Panes p = new UiState.Panes(treeWidth, detailWidth, !treeToggle.isSelected(), !detailToggle.isSelected());
        memory.update(s -> s.withPanes(p));
    }
}
