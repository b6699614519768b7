package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table streams: it holds at most its look-ahead of rows, whatever the number of rows printed. */
class TableTest {
    /** Counts the lines written to it, keeps none. */
    static final class LineCounter extends OutputStream {
        long lines;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
            }
        }
    }

    @Test
    void aLongTableIsPrintedAsItComesAndNeverHoldsMoreThanTheLookAhead() {
        LineCounter sink = new LineCounter();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        Table t = new Table(out, "ID", "NAME");
        for (int i = 1; i <= 300_000; i++) {
            t.row(i, "Lead number " + i);
            assertThat(t.buffered()).isLessThan(Table.LOOK_AHEAD);
            if (i >= Table.LOOK_AHEAD) {
                assertThat(sink.lines).as("row %d is out", i).isEqualTo(i + 1L); // + the header
            }
        }
        t.finish();
        assertThat(sink.lines).isEqualTo(300_001);
    }

    @Test
    void widthsComeFromTheFirstRowsCellsAreCappedAndSafe() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Table t = new Table(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2, "ID", "NAME", "X");
        t.row("1", "Олена", "a");
        t.row("22", "x".repeat(80), "b");
        t.row("333", "Evil\u001B[2J\r\u202Ename", "c"); // after the look-ahead: streamed with the widths decided
        t.finish();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).containsExactly(
                "ID  NAME" + " ".repeat(58) + "X",
                "1   Олена" + " ".repeat(57) + "a",
                "22  " + "x".repeat(59) + "…  b",
                "333  Evil\\e[2J \\u202Ename" + " ".repeat(42) + "c");
    }

    @Test
    void anEmptyTableIsItsHeader() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Table t = new Table(new PrintStream(bytes, true, StandardCharsets.UTF_8), "ID", "NAME");
        t.finish();
        assertThat(t.isEmpty()).isTrue();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("ID  NAME" + System.lineSeparator());
    }
}
