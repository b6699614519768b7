package io.leaddesk.live.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The English notification text, plurals included; names only when asked for. */
class NewLeadsTextTest {
    private final NewLeadsText text = NewLeadsText.english();

    @Test
    void oneLeadOneForm() {
        Notification n = text.notification(new News(1, List.of(new News.FormNews("f", "Commande de Noël",
                "Maison Lumière", 1)), List.of("l1"), List.of("Zoé Martin")), false);
        assertThat(n.title()).isEqualTo("1 new lead");
        assertThat(n.body()).isEqualTo("Commande de Noël (Maison Lumière)");
        assertThat(n.line()).isEqualTo("1 new lead: Commande de Noël (Maison Lumière)");
        assertThat(n.leadIds()).containsExactly("l1");
    }

    @Test
    void twoFormsAndAFormWithoutItsPageName() {
        Notification n = text.notification(new News(12_345, List.of(new News.FormNews("f1", "Get a quote", null, 12_000),
                new News.FormNews("f2", "Other", "P", 345)), List.of(), List.of()), false);
        assertThat(n.title()).isEqualTo("12,345 new leads");
        assertThat(n.body()).isEqualTo("Get a quote and 1 other form");
    }

    @Test
    void namesOnlyWhenAskedForAndTheRestCounted() {
        News news = new News(5, List.of(new News.FormNews("f", "F", "P", 5)), List.of("a", "b", "c", "d", "e"),
                List.of("Olena Kovalenko", "", "Ivan Petrenko", "Maria Silva", "Bob"));
        assertThat(text.notification(news, false).body()).isEqualTo("F (P)");
        assertThat(text.notification(news, true).body()).isEqualTo("F (P)\nOlena Kovalenko, Ivan Petrenko, Maria Silva and 2 more");
        News two = new News(2, news.forms(), List.of("a", "b"), List.of("Olena Kovalenko", "Bob"));
        assertThat(text.notification(two, true).body()).isEqualTo("F (P)\nOlena Kovalenko, Bob");
        assertThat(text.actionLabel()).isEqualTo("Show leads");
    }
}
