package io.leaddesk.ui;

import java.time.LocalDate;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Date fields write days as the rest of the app does: the app language's medium date ("Dec 1, 2026",
 * "1 груд. 2026 р."), not the computer's own short format, and read that, the short date or ISO back.
 */
public final class DateFields {
    private DateFields() {
    }

    /** What a date field shows and reads, in {@code f}'s language. */
    public static StringConverter<LocalDate> converter(Formats f) {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return f.date(d);
            }

            @Override
            public LocalDate fromString(String text) {
                return f.parseDate(text);
            }
        };
    }

    /** Gives {@code p} the app's date format. */
    public static void use(DatePicker p, Formats f) {
        p.setConverter(converter(f));
    }
}
