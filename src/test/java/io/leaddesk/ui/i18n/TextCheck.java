package io.leaddesk.ui.i18n;

import io.leaddesk.i18n.PseudoText;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.DateFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/**
 * Walks a scene shown in the pseudo-locale and lists what a translation would break: text cut off in a button, label or
 * column header, and words that are plain English (not pseudo-localised, so not read from the bundles) unless they
 * are the lead data itself. Call on the FX thread.
 */
final class TextCheck {
    /** Words the app may show as they are: keys on the keyboard, formats' own words, time zones. */
    private static final Set<String> ALLOWED = new HashSet<>(Arrays.asList("Ctrl", "Shift", "Alt", "Cmd", "AM", "PM",
            "UTC", "GMT", "Europe", "Kyiv"));

    static {
        DateFormatSymbols s = DateFormatSymbols.getInstance(Locale.ENGLISH);
        ALLOWED.addAll(Arrays.asList(s.getMonths()));
        ALLOWED.addAll(Arrays.asList(s.getShortMonths()));
        // the computer's time zone as the JDK names it ("Eastern European Time"): the JDK's locale data, not our bundles
        for (java.time.ZoneId zone : List.of(java.time.ZoneId.systemDefault(), java.time.ZoneId.of("Europe/Kyiv"))) {
            for (java.time.format.TextStyle style : java.time.format.TextStyle.values()) {
                ALLOWED.addAll(Arrays.asList(zone.getDisplayName(style, Locale.ENGLISH).split("\\W+")));
            }
        }
    }

    /** The node that shows the export file's own rows and headers. */
    private static final String FILE_CONTENT = "preview";
    private final Set<String> dataWords;
    final List<String> problems = new ArrayList<>();

    TextCheck(Set<String> dataWords) {
        this.dataWords = dataWords;
    }

    /** Every word of every text value of the lead cache: what the app shows as data, in the sample's own languages. */
    static Set<String> wordsOf(Path database) throws Exception {
        Set<String> words = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (Statement q = c.createStatement(); ResultSet rs = q.executeQuery("SELECT * FROM \"" + t + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            Object v = rs.getObject(i);
                            if (v instanceof String s) {
                                words.addAll(words(s));
                            } else if (v instanceof byte[] b) {
                                words.addAll(words(new String(b, java.nio.charset.StandardCharsets.UTF_8)));
                            }
                        }
                    }
                }
            }
        }
        return words;
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char ch = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetter(ch)) {
                w.append(ch);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        return out;
    }

    /** Checks every showing node of the scene. */
    TextCheck scene(String where, Scene scene) {
        visit(where, scene.getRoot(), false);
        return this;
    }

    private void visit(String where, Node n, boolean inCell) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        if (FILE_CONTENT.equals(n.getId())) {
            return; // the export preview shows the file as it is written: CSV headers stay as the CRMs expect them
        }
        boolean cell = inCell || n instanceof IndexedCell<?>;
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            plain(where, describe(l), l.getText());
            if (!cell) {
                cutOff(where, l);
            }
        }
        if (n instanceof TextInputControl t && t.getPromptText() != null && !t.getPromptText().isBlank()) {
            plain(where, describe(t) + " prompt", t.getPromptText());
            promptCutOff(where, t);
        }
        if (n instanceof Control c && c.getTooltip() != null && c.getTooltip().getText() != null) {
            plain(where, describe(c) + " tooltip", c.getTooltip().getText());
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                visit(where, child, cell);
            }
        }
    }

    /** A word in plain English letters that is not lead data: a string that did not come from the bundles. */
    private void plain(String where, String what, String text) {
        for (String w : words(text)) {
            if (w.length() < 2 || ALLOWED.contains(w) || dataWords.contains(w)) {
                continue;
            }
            if (w.chars().anyMatch(ch -> ch < 128 && Character.isLetter(ch))
                    && w.chars().noneMatch(ch -> PseudoText.isPseudoLetter((char) ch))) {
                problems.add(where + ": " + what + " shows \"" + text + "\" (\"" + w + "\" is not from the bundles)");
                return;
            }
        }
    }

    /** Cut off: the text drawn is shorter than the control's text (an ellipsis, or nothing), and no tooltip shows it whole. */
    private void cutOff(String where, Labeled l) {
        if (l.getWidth() <= 0) {
            return;
        }
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.isVisible()) {
                String shown = t.getText() == null ? "" : t.getText();
                String full = l.isMnemonicParsing() ? l.getText().replace("_", "") : l.getText();
                boolean tooltip = l.getTooltip() != null && full.equals(l.getTooltip().getText());
                if (!shown.equals(full) && (shown.isEmpty() || shown.contains(l.getEllipsisString())) && !tooltip) {
                    problems.add(where + ": " + describe(l) + " is cut off: shows \"" + shown + "\" of \"" + full + "\"");
                }
                return;
            }
        }
    }

    /** A prompt wider than its field is clipped: fine only when a tooltip shows it whole. */
    private void promptCutOff(String where, TextInputControl t) {
        if (t.getWidth() <= 0 || !t.getText().isEmpty() || t instanceof javafx.scene.control.TextArea a && a.isWrapText()) {
            return; // a wrapping text area wraps its prompt too
        }
        Text probe = new Text(t.getPromptText());
        probe.setFont(t.getFont());
        double room = t.getWidth() - t.snappedLeftInset() - t.snappedRightInset();
        boolean tooltip = t.getTooltip() != null && t.getPromptText().equals(t.getTooltip().getText());
        if (probe.getLayoutBounds().getWidth() > room + 0.5 && !tooltip) {
            problems.add(where + ": " + describe(t) + " prompt is cut off and has no tooltip: \"" + t.getPromptText() + "\"");
        }
    }

    private static String describe(Node n) {
        String id = n.getId() == null ? "" : "#" + n.getId();
        String parent = n.getParent() == null ? "" : " in " + n.getParent().getClass().getSimpleName()
                + (n.getParent().getId() == null ? "" : "#" + n.getParent().getId());
        return n.getClass().getSimpleName() + id + parent;
    }
}
