package io.leaddesk.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.ui.detail.Highlight.Segment;
import org.junit.jupiter.api.Test;

class HighlightTest {

    @Test
    void marksWholeWordsThatStartWithASearchWordIgnoringCaseAndAccents() {
        Highlight h = Highlight.of("mull олен");
        assertThat(h.split("Café Müller, Олена Коваленко")).containsExactly(new Segment("Café ", false),
                new Segment("Müller", true), new Segment(", ", false), new Segment("Олена", true),
                new Segment(" Коваленко", false));
        assertThat(Highlight.of("example").split("ines.demo48@example.com")).containsExactly(
                new Segment("ines.demo48@", false), new Segment("example", true), new Segment(".com", false));
        assertThat(Highlight.of("ller").matches("Müller")).isFalse(); // the start of a word, not the middle
    }

    @Test
    void nothingToMarkLeavesTheTextWhole() {
        assertThat(Highlight.of("  ").split("Anything")).containsExactly(new Segment("Anything", false));
        assertThat(Highlight.of("zzz").split("Anything")).containsExactly(new Segment("Anything", false));
        assertThat(Highlight.of("a").split("")).isEmpty();
        assertThat(Highlight.of("(!)").isEmpty()).isTrue();
    }
}
