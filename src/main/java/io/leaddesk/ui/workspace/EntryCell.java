package io.leaddesk.ui.workspace;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;

/** Name, one detail line, a progress bar while syncing, and the last problem. Texts wrap (long Cyrillic / RTL names). */
final class EntryCell extends TreeCell<TreeEntry> {
    private final Label name = new Label();
    private final Label detail = new Label();
    private final Label problem = new Label();
    private final ProgressBar progress = new ProgressBar();
    /** Issue 14: "3 new" under the name (on its own line: long names keep the width) while the entry has new leads. */
    private final Label badge = new Label();
    private final VBox box = new VBox(2, name, badge, detail, progress, problem) {
        /** Wrapped labels need the width to know their height; the cell asks without one. */
        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width < 0 ? getPrefWidth() : width);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }
    };

    private final TreeView<TreeEntry> tree;
    private final Tooltip tip = new Tooltip();

    private final java.util.function.LongFunction<String> badgeText;

    EntryCell(TreeView<TreeEntry> tree, String countsNote, java.util.function.LongFunction<String> badgeText) {
        this.tree = tree;
        this.badgeText = badgeText;
        badge.getStyleClass().add("new-badge");
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        badge.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setText(countsNote);
        name.getStyleClass().add("tree-name");
        detail.getStyleClass().addAll("text-small", "text-muted");
        problem.getStyleClass().addAll("text-small", "inline-error");
        for (Label l : new Label[] {name, detail, problem}) {
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setPrefHeight(6);
        box.setMaxWidth(Double.MAX_VALUE);
        setPrefWidth(0);
    }

    @Override
    protected double computePrefHeight(double width) {
        if (getGraphic() == null) {
            return super.computePrefHeight(width);
        }
        return snappedTopInset() + snappedBottomInset() + box.prefHeight(box.getPrefWidth());
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void updateItem(TreeEntry e, boolean empty) {
        super.updateItem(e, empty);
        name.textProperty().unbind();
        detail.textProperty().unbind();
        problem.textProperty().unbind();
        progress.visibleProperty().unbind();
        progress.progressProperty().unbind();
        problem.visibleProperty().unbind();
        problem.managedProperty().unbind();
        badge.textProperty().unbind();
        badge.visibleProperty().unbind();
        badge.managedProperty().unbind();
        if (empty || e == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        name.textProperty().bind(e.nameProperty());
        detail.textProperty().bind(e.detailProperty());
        problem.textProperty().bind(e.problemProperty());
        problem.visibleProperty().bind(e.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        progress.visibleProperty().bind(e.syncingProperty());
        progress.progressProperty().bind(e.progressProperty());
        badge.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                badgeText.apply(e.newLeadsProperty().get()),
                e.newLeadsProperty()));
        badge.visibleProperty().bind(e.newLeadsProperty().greaterThan(0));
        badge.managedProperty().bind(badge.visibleProperty());
        int level = tree.getTreeItemLevel(getTreeItem());
        box.prefWidthProperty().unbind();
        box.prefWidthProperty().bind(tree.widthProperty().subtract(46 + 18 * level));
        box.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        setText(null);
        setGraphic(box);
        setTooltip(e.kind() == TreeEntry.Kind.FORM ? tip : null);
    }
}
