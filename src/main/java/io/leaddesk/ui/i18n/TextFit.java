package io.leaddesk.ui.i18n;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Keeps translated text whole where JavaFX would cut it off: a table column is never narrower than its header's text
 * (French, Portuguese and Russian headers run 20-40 % longer than English). The user can still widen columns; the
 * table scrolls sideways when the columns no longer fit.
 */
public final class TextFit {
    /** Room a header needs besides its text: its padding and the sort arrow. */
    private static final double HEADER_CHROME = 26;

    private TextFit() {
    }

    /** Every column of {@code table} at least as wide as its header text, now and when the text changes. */
    public static void columnsFitHeaders(TableView<?> table) {
        for (TableColumn<?, ?> c : table.getColumns()) {
            fit(c);
            c.textProperty().addListener((o, a, b) -> fit(c));
        }
    }

    /** A field whose prompt can be longer than the field (a narrow window, a long translation) shows it as a tooltip too. */
    public static void promptTooltip(TextInputControl field) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(field.promptTextProperty());
        field.setTooltip(tip);
    }

    private static void fit(TableColumn<?, ?> c) {
        String text = c.getText() == null ? "" : c.getText();
        Text t = new Text(text);
        // the app's 13 px text (app.css), bold as the theme draws headers: never narrower than the header really is
        t.setFont(Font.font(Font.getDefault().getFamily(), javafx.scene.text.FontWeight.BOLD,
                Math.max(13, Font.getDefault().getSize())));
        double min = Math.ceil(t.getLayoutBounds().getWidth() + HEADER_CHROME);
        c.setMinWidth(min);
        if (c.getPrefWidth() < min) {
            c.setPrefWidth(min);
        }
    }
}
