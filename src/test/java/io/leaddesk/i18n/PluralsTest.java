package io.leaddesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Plural forms by each language's own rules, from the real bundles. */
class PluralsTest {
    private static String render(String tag, String key, Object... args) {
        Locale l = Locale.forLanguageTag(tag);
        ResourceBundle b = Bundles.load(l);
        return new MessageText(l, TimeZone.getTimeZone("UTC")).format(b.getString(key), args);
    }

    @Test
    void ukrainianHasThreeFormsFor1And2And5And21() {
        assertThat(render("uk", "detail.expiry.days", 1)).isEqualTo("Meta перестане надавати цей лід через 1 день.");
        assertThat(render("uk", "detail.expiry.days", 2)).isEqualTo("Meta перестане надавати цей лід через 2 дні.");
        assertThat(render("uk", "detail.expiry.days", 5)).isEqualTo("Meta перестане надавати цей лід через 5 днів.");
        assertThat(render("uk", "detail.expiry.days", 21)).isEqualTo("Meta перестане надавати цей лід через 21 день.");
        assertThat(render("uk", "export.done", 0, 0, "a.csv")).isEqualTo("Записано 0 рядків (0 лідів) у a.csv.");
        assertThat(render("uk", "export.done", 22, 11, "a.csv")).isEqualTo("Записано 22 рядки (11 лідів) у a.csv.");
    }

    @Test
    void russianHasThreeFormsFor1And2And5And21() {
        assertThat(render("ru", "detail.expiry.days", 1)).isEqualTo("Meta перестанет выдавать этот лид через 1 день.");
        assertThat(render("ru", "detail.expiry.days", 2)).isEqualTo("Meta перестанет выдавать этот лид через 2 дня.");
        assertThat(render("ru", "detail.expiry.days", 5)).isEqualTo("Meta перестанет выдавать этот лид через 5 дней.");
        assertThat(render("ru", "detail.expiry.days", 21)).isEqualTo("Meta перестанет выдавать этот лид через 21 день.");
    }

    @Test
    void englishFrenchAndTurkishCountTheirOwnWay() {
        assertThat(render("en", "notice.sync.arrived", 1)).isEqualTo("1 new lead arrived");
        assertThat(render("en", "notice.sync.arrived", 1234)).isEqualTo("1,234 new leads arrived");
        assertThat(render("fr", "workspace.page.detail", 1, "3")).isEqualTo("1 formulaire · 3 en cache");
        assertThat(render("fr", "workspace.page.detail", 2, "3")).isEqualTo("2 formulaires · 3 en cache");
        assertThat(render("tr", "notice.sync.arrived", 5)).isEqualTo("5 yeni potansiyel müşteri geldi");
        assertThat(render("pt-BR", "notice.sync.arrived", 1234)).isEqualTo("chegaram 1.234 leads novos");
    }

    @Test
    void accessImportAndLiveCountsTakeEveryForm() {
        assertThat(render("uk", "access.left.days", 21)).isEqualTo("21 день");
        assertThat(render("uk", "access.left.hours", 3)).isEqualTo("3 години");
        assertThat(render("uk", "access.left.minutes", 0)).isEqualTo("менше хвилини");
        assertThat(render("uk", "import.done.many", 5, "x")).isEqualTo("Імпортовано 5 файлів: x.");
        assertThat(render("uk", "import.done.many", 2, "x")).isEqualTo("Імпортовано 2 файли: x.");
        assertThat(render("uk", "live.notify.title", 1)).isEqualTo("1 новий лід");
        assertThat(render("uk", "live.notify.title", 0)).isEqualTo("0 нових лідів");
        assertThat(render("ru", "live.notify.title", 2)).isEqualTo("2 новых лида");
        assertThat(render("ru", "live.notify.title", 21)).isEqualTo("21 новый лид");
        assertThat(render("ru", "import.status.reading", "a.csv", 5)).isEqualTo("Читаем a.csv: 5 строк…");
        assertThat(render("ru", "access.left.minutes", 1)).isEqualTo("1 минуту");
        assertThat(render("ru", "live.settings.check.every", 1)).isEqualTo("Каждую минуту");
        assertThat(render("ru", "live.settings.check.every", 5)).isEqualTo("Каждые 5 минут");
        assertThat(render("en", "live.settings.check.every", 1)).isEqualTo("Every minute");
        assertThat(render("en", "import.cancelled.before", 1, "x")).isEqualTo("Imported before the cancel (1 file): x.");
        assertThat(render("fr", "live.window.title", 0)).isEqualTo("LeadDesk");
        assertThat(render("fr", "live.window.title", 3)).isEqualTo("LeadDesk (3 nouveaux)");
    }

    @Test
    void pseudoTextIsAccentedLongerAndStillFormats() {
        String p = PseudoText.pseudo("Sync finished: {0, plural, one {# new lead arrived} other {# new leads arrived}}.");
        String out = new MessageText(Locale.ENGLISH, TimeZone.getTimeZone("UTC")).format(p, 5);
        assertThat(out).startsWith("[Šýñç ƒíñíšĥéð: 5 ñéŵ ļéàðš àŕŕíṽéð.").endsWith("]");
        assertThat(out.length()).isGreaterThanOrEqualTo((int) ("Sync finished: 5 new leads arrived.".length() * 1.3));
        assertThat(out.chars().filter(c -> c < 128 && Character.isLetter(c))).as("no plain letter left").isEmpty();
    }
}
