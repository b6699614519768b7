package io.leaddesk.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table for terminal output, streamed: column widths come from the header and the first
 * {@link #LOOK_AHEAD} rows, then every row is printed as it comes, so a table of any length needs the memory of
 * {@link #LOOK_AHEAD} rows. Columns are padded by code points (Cyrillic lines up) and at most {@link #MAX_WIDTH} wide
 * (a longer cell is cut with "…"); a later row with a wider cell pushes the rest of its line to the right.
 * Every cell goes through {@link TerminalText#cell(String)}: no control character reaches the terminal.
 */
final class Table {
    static final int LOOK_AHEAD = 1000;
    static final int MAX_WIDTH = 60;

    private final PrintStream out;
    private final String[] header;
    private final int lookAhead;
    private final List<String[]> pending = new ArrayList<>();
    private int[] widths;
    private long rows;

    Table(PrintStream out, String... header) {
        this(out, LOOK_AHEAD, header);
    }

    Table(PrintStream out, int lookAhead, String... header) {
        this.out = out;
        this.lookAhead = lookAhead;
        this.header = header;
    }

    Table row(Object... cells) {
        String[] r = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            Object c = i < cells.length ? cells[i] : null;
            r[i] = c == null ? "" : clip(TerminalText.cell(c.toString()));
        }
        rows++;
        if (widths != null) {
            out.println(format(r, widths));
        } else {
            pending.add(r);
            if (pending.size() >= lookAhead) {
                printPending();
            }
        }
        return this;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    long rowCount() {
        return rows;
    }

    /** Rows held back to decide the column widths (never more than the look-ahead). */
    int buffered() {
        return pending.size();
    }

    /** Prints what is still held back (the header with it, if not printed yet). Call once at the end. */
    void finish() {
        if (widths == null) {
            printPending();
        }
    }

    private void printPending() {
        int[] w = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            w[i] = width(header[i]);
            for (String[] r : pending) {
                w[i] = Math.max(w[i], width(r[i]));
            }
        }
        widths = w;
        out.println(format(header, w));
        for (String[] r : pending) {
            out.println(format(r, w));
        }
        pending.clear();
    }

    private static String clip(String c) {
        return width(c) > MAX_WIDTH ? c.substring(0, c.offsetByCodePoints(0, MAX_WIDTH - 1)) + "…" : c;
    }

    private static String format(String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            sb.append(c);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(Math.max(0, w[i] - width(c)) + 2));
            }
        }
        return sb.toString().stripTrailing();
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
