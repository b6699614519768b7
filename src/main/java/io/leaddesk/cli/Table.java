package io.leaddesk.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain text table for terminal output; columns padded by code points so Cyrillic lines up. */
final class Table {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        this.header = header;
    }

    Table row(Object... cells) {
        String[] r = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            Object c = i < cells.length ? cells[i] : null;
            r[i] = c == null ? "" : oneLine(c.toString());
        }
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintStream out) {
        int[] w = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            w[i] = width(header[i]);
            for (String[] r : rows) {
                w[i] = Math.max(w[i], Math.min(60, width(r[i])));
            }
        }
        out.println(format(header, w));
        for (String[] r : rows) {
            out.println(format(r, w));
        }
    }

    private static String format(String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (width(c) > 60) {
                c = c.substring(0, c.offsetByCodePoints(0, 59)) + "…";
            }
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

    static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
