package io.leaddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Dates and counts in the formats of the app's language. */
class FormatsTest {
    private static final Instant DEC_1 = Instant.parse("2026-12-01T14:05:00Z");

    /** The medium date and short time of each language (issue 13): its month name, its order, a four-digit year. */
    @Test
    void datesUseTheLanguagesOrderWithAFourDigitYear() {
        assertThat(new Formats(ZoneOffset.UTC, Locale.ENGLISH).date(DEC_1)).isEqualTo("Dec 1, 2026");
        assertThat(new Formats(ZoneOffset.UTC, Locale.forLanguageTag("uk")).date(DEC_1)).isEqualTo("1 груд. 2026 р.");
        assertThat(new Formats(ZoneOffset.UTC, Locale.forLanguageTag("pt-BR")).date(DEC_1)).isEqualTo("1 de dez. de 2026");
        assertThat(new Formats(ZoneOffset.UTC, Locale.forLanguageTag("fr")).date(DEC_1)).isEqualTo("1 déc. 2026");
        assertThat(new Formats(ZoneOffset.UTC, Locale.forLanguageTag("uk")).dateTime(DEC_1)).isEqualTo("1 груд. 2026 р., 14:05");
        assertThat(new Formats(ZoneOffset.UTC, Locale.ENGLISH).dateTime(DEC_1)).isEqualTo("Dec 1, 2026, 2:05 PM");
    }

    /** Date fields show the same medium date and read it, the language's short date and ISO back. */
    @Test
    void dateFieldsShowAndReadTheLanguagesDates() {
        java.time.LocalDate d = java.time.LocalDate.of(2026, 12, 1);
        Formats en = new Formats(ZoneOffset.UTC, Locale.ENGLISH);
        Formats uk = new Formats(ZoneOffset.UTC, Locale.forLanguageTag("uk"));
        javafx.util.StringConverter<java.time.LocalDate> enField = DateFields.converter(en);
        javafx.util.StringConverter<java.time.LocalDate> ukField = DateFields.converter(uk);
        assertThat(enField.toString(d)).isEqualTo("Dec 1, 2026");
        assertThat(ukField.toString(d)).isEqualTo("1 груд. 2026 р.");
        for (String typed : new String[] {"Dec 1, 2026", "12/1/26", "12/1/2026", "2026-12-01"}) {
            assertThat(enField.fromString(typed)).as(typed).isEqualTo(d);
        }
        for (String typed : new String[] {"1 груд. 2026 р.", "01.12.26", "01.12.2026", "2026-12-01"}) {
            assertThat(ukField.fromString(typed)).as(typed).isEqualTo(d);
        }
        assertThat(enField.fromString("")).isNull();
        assertThat(enField.fromString("not a day")).isNull();
        assertThat(enField.toString(null)).isEmpty();
    }

    @Test
    void countsUseTheLanguagesGroupingSeparator() {
        assertThat(new Formats(ZoneOffset.UTC, Locale.ENGLISH).count(1234)).isEqualTo("1,234");
        assertThat(new Formats(ZoneOffset.UTC, Locale.forLanguageTag("tr")).count(1234)).isEqualTo("1.234");
        assertThat(new Formats(ZoneOffset.UTC, Locale.forLanguageTag("id")).count(1234)).isEqualTo("1.234");
        assertThat(new Formats(ZoneOffset.UTC, Locale.forLanguageTag("ru")).count(1234)).isEqualTo("1\u00a0234");
    }
}
