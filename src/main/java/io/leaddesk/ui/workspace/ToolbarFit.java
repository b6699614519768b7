package io.leaddesk.ui.workspace;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The toolbar fits its window in every language: when its buttons need more room than the window has (Russian and
 * Ukrainian at 1024 px), the least used of them move, in order, into a "⋯" menu at its end, whole and with the same
 * actions, shortcuts and disabled states; they come back when the window is wide enough again.
 */
final class ToolbarFit {
    /** The badge may shrink (its tooltip shows it whole), but keeps this much room. */
    private static final double BADGE_ROOM = 120;
    private final HBox bar;
    private final MenuButton more;
    private final List<Button> overflow;
    private final Node badge;
    private boolean pending;

    /**
     * @param overflow the buttons that may move into the menu, the first to go first
     * @param badge    the workspace badge, which shrinks before any button moves
     */
    ToolbarFit(HBox bar, MenuButton more, List<Button> overflow, Node badge) {
        this.bar = bar;
        this.more = more;
        this.overflow = overflow;
        this.badge = badge;
        bar.setMinWidth(0);
        more.managedProperty().bind(more.visibleProperty());
        more.setVisible(false);
        for (Button b : overflow) {
            b.managedProperty().bind(b.visibleProperty());
            MenuItem item = new MenuItem();
            item.textProperty().bind(b.textProperty());
            item.disableProperty().bind(b.disableProperty());
            item.visibleProperty().bind(b.visibleProperty().not());
            item.setId(b.getId() + "Item");
            item.setOnAction(e -> b.fire());
            more.getItems().add(item);
        }
        bar.widthProperty().addListener((o, a, w) -> fitSoon());
        for (Node n : bar.getChildren()) {
            if (n instanceof javafx.scene.control.Labeled l) {
                l.textProperty().addListener((o, a, t) -> fitSoon());
            }
        }
    }

    private void fitSoon() {
        if (!pending) {
            pending = true;
            Platform.runLater(() -> {
                pending = false;
                fit();
            });
        }
    }

    /** Shows as many of the buttons as the bar has room for; the rest are in the menu. */
    void fit() {
        double room = bar.getWidth() - bar.snappedLeftInset() - bar.snappedRightInset();
        if (room <= 0) {
            return;
        }
        double need = 0;
        int shown = 0;
        for (Node n : bar.getChildren()) {
            if (n == more) {
                continue;
            }
            need += width(n);
            shown++;
        }
        need += bar.getSpacing() * Math.max(0, shown - 1);
        int hide = 0;
        while (need > room && hide < overflow.size()) {
            need -= width(overflow.get(hide)) + bar.getSpacing();
            if (hide == 0) {
                need += more.prefWidth(-1) + bar.getSpacing();
            }
            hide++;
        }
        for (int i = 0; i < overflow.size(); i++) {
            overflow.get(i).setVisible(i >= hide);
        }
        more.setVisible(hide > 0);
    }

    private double width(Node n) {
        if (n == badge) {
            return Math.min(n.prefWidth(-1), BADGE_ROOM);
        }
        double min = n.minWidth(-1);
        return n instanceof Region r && r.getMinWidth() == 0 ? 0 : Math.max(min, n.prefWidth(-1));
    }
}
