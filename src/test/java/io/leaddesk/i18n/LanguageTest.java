package io.leaddesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageTest {
    @Test
    void systemDefaultIsTheOsLanguageWhenItIsOneOfTheSevenElseEnglish() {
        assertThat(Language.resolve("", Locale.forLanguageTag("tr-TR"))).isEqualTo(Locale.forLanguageTag("tr"));
        assertThat(Language.resolve("", Locale.forLanguageTag("uk-UA"))).isEqualTo(Locale.forLanguageTag("uk"));
        assertThat(Language.resolve(null, Locale.forLanguageTag("pt-PT"))).isEqualTo(Locale.forLanguageTag("pt-BR"));
        assertThat(Language.resolve("", new Locale("in", "ID"))).isEqualTo(Locale.forLanguageTag("id"));
        assertThat(Language.resolve("", Locale.GERMANY)).isEqualTo(Locale.forLanguageTag("en"));
        assertThat(Language.resolve("", Locale.JAPAN)).isEqualTo(Locale.forLanguageTag("en"));
    }

    @Test
    void aChosenLanguageWinsOverTheOsLanguage() {
        assertThat(Language.resolve("uk", Locale.GERMANY)).isEqualTo(Locale.forLanguageTag("uk"));
        assertThat(Language.resolve("pt_BR", Locale.GERMANY)).isEqualTo(Locale.forLanguageTag("pt-BR"));
        assertThat(Language.resolve("en", Locale.forLanguageTag("fr-FR"))).isEqualTo(Locale.forLanguageTag("en"));
        assertThat(Language.resolve("xx", Locale.forLanguageTag("fr-FR"))).as("unknown: the OS language").isEqualTo(Locale.FRENCH);
        assertThat(Language.resolve("en-XA", Locale.GERMANY)).isEqualTo(Language.PSEUDO);
    }

    @Test
    void everyLanguageIsNamedInItself() {
        assertThat(Arrays.stream(Language.values()).map(Language::nativeName)).containsExactly("English", "Türkçe",
                "Українська", "Русский", "Português (Brasil)", "Bahasa Indonesia", "Français");
    }

    @Test
    void englishChosenOnATurkishComputerIsEnglishNotTurkish() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(Bundles.load(Locale.ENGLISH).getString("common.cancel")).isEqualTo("Cancel");
            assertThat(Bundles.load(Locale.forLanguageTag("uk")).getString("common.cancel")).isEqualTo("Скасувати");
        } finally {
            Locale.setDefault(before);
        }
    }
}
