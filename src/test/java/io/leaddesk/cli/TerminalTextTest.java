package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Control characters and bidi controls from strangers become visible escapes; ordinary text of any script stays. */
class TerminalTextTest {
    static final String HOSTILE = "Olena\u001B]0;pwned\u0007\u001B[2J\rX\u009B31m\u007F\u202Eevil\u2066x\u2069";

    @Test
    void controlsBecomeVisibleEscapes() {
        assertThat(TerminalText.cell(HOSTILE)).isEqualTo("Olena\\e]0;pwned\\x07\\e[2J X\\u009B31m\\x7F\\u202Eevil\\u2066x\\u2069");
        assertThat(TerminalText.text(HOSTILE)).isEqualTo("Olena\\e]0;pwned\\x07\\e[2J\\rX\\u009B31m\\x7F\\u202Eevil\\u2066x\\u2069");
        assertThat(TerminalText.cell("two\r\nlines\tand\nmore")).isEqualTo("two lines and more");
        assertThat(TerminalText.text("two\r\nlines\tand\nmore")).isEqualTo("two\r\nlines\tand\nmore");
        assertThat(TerminalText.cell("\u0000\u001F")).isEqualTo("\\x00\\x1F");
        assertThat(TerminalText.cell(null)).isEmpty();
    }

    @Test
    void everyScriptAndEmojiStays() {
        String ordinary = "Олена Коваленко — مرحبا שלום 😀 naïve \u200F \\e literally";
        assertThat(TerminalText.cell(ordinary)).isSameAs(ordinary);
        assertThat(TerminalText.text(ordinary)).isSameAs(ordinary);
    }

    @Test
    void theStderrGuardEscapesExactlyLikeTextWhateverTheWriteBoundaries() throws IOException {
        Random random = new Random(7);
        int[] alphabet = {'a', 'Я', '\n', '\r', '\t', 0x1B, 0x07, 0x7F, 0x85, 0x9B, 0xA0, 0xC2, 0x2028, 0x202A, 0x202E, 0x202F,
                0x2066, 0x2069, 0x206A, 0x2010, 0x1F600, 0x0627};
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                sb.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = sb.toString();
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream guard = TerminalText.guard(sink)) {
                int i = 0;
                while (i < bytes.length) { // random chunks, so held bytes cross write boundaries
                    int len = Math.min(bytes.length - i, 1 + random.nextInt(3));
                    guard.write(bytes, i, len);
                    i += len;
                }
            }
            assertThat(sink.toString(StandardCharsets.UTF_8)).as(s.codePoints().mapToObj(Integer::toHexString).toList().toString())
                    .isEqualTo(TerminalText.text(s));
        }
    }
}
