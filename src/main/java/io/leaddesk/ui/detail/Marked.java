package io.leaddesk.ui.detail;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Text nodes of the lead detail: prose that wraps at spaces, single values (e-mails, phones, question keys) that stay
 * on one line and ellipsize with the whole value in a tooltip, and either with the search's words marked
 * ({@code .search-hit}).
 */
final class Marked {
    private Marked() {
    }

    /** A value with no space that would not fit a narrow column anyway (e-mails, links, ids, question keys). */
    static boolean isOneLongWord(String text) {
        return text != null && text.length() > 18 && text.chars().noneMatch(Character::isWhitespace);
    }

    /** A one-line label: never broken mid-word, "…" when too long, the whole value in a tooltip. */
    static Label oneLine(String text, String... styles) {
        Label l = new Label(text == null ? "" : text);
        l.setWrapText(false);
        l.setTextOverrun(OverrunStyle.ELLIPSIS);
        l.setMinWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().addAll(styles);
        if (text != null && !text.isEmpty()) {
            l.setTooltip(new Tooltip(text));
        }
        return l;
    }

    /**
     * {@code text} with the words {@code h} matches marked. {@code wrap}: wraps at spaces (prose); else one line as
     * {@link #oneLine}.
     */
    static Node text(String text, Highlight h, boolean wrap, String... styles) {
        if (wrap && isOneLongWord(text)) {
            wrap = false; // an e-mail, a link, an id: one line with the whole value in a tooltip, never cut mid-word
        }
        List<Highlight.Segment> parts = h.split(text);
        if (parts.stream().noneMatch(Highlight.Segment::hit)) {
            if (!wrap) {
                return oneLine(text, styles);
            }
            Label l = new Label(text == null ? "" : text);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().addAll(styles);
            return l;
        }
        if (!wrap) {
            // one line: pieces side by side, the last one ellipsized, the whole value in a tooltip
            javafx.scene.layout.HBox line = new javafx.scene.layout.HBox();
            line.setMinWidth(0);
            for (Highlight.Segment s : parts) {
                Label l = new Label(s.text());
                l.getStyleClass().addAll(styles);
                l.getStyleClass().add(s.hit() ? "search-hit" : "plain");
                l.setMinWidth(Region.USE_PREF_SIZE);
                l.setTextOverrun(OverrunStyle.ELLIPSIS);
                line.getChildren().add(l);
            }
            ((Label) line.getChildren().get(line.getChildren().size() - 1)).setMinWidth(0);
            javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
            clip.widthProperty().bind(line.widthProperty());
            clip.heightProperty().bind(line.heightProperty());
            line.setClip(clip);
            Tooltip.install(line, new Tooltip(text));
            return line;
        }
        TextFlow flow = new TextFlow();
        flow.getStyleClass().addAll(styles);
        flow.getStyleClass().add("marked-text");
        for (Highlight.Segment s : parts) {
            Text t = new Text(s.text());
            t.getStyleClass().addAll(styles);
            t.getStyleClass().addAll("marked", s.hit() ? "search-hit" : "plain");
            flow.getChildren().add(t);
        }
        flow.setMinWidth(0);
        return flow;
    }
}
