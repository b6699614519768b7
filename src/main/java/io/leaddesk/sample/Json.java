package io.leaddesk.sample;

import java.time.LocalDate;

/**
 * JSON text helpers that write the way the Graph API does: every non-ASCII character is a lowercase
 * {@code \}{@code uXXXX} escape (UTF-16 units, so emoji become surrogate pairs) and {@code /} is written as
 * {@code \/}. The bodies are therefore pure ASCII.
 */
final class Json {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        escInto(sb, s);
        return sb.toString();
    }

    static String[] esc(String... values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = esc(values[i]);
        }
        return out;
    }

    /** {@code "escaped"} with the quotes. */
    static String str(String s) {
        return s == null ? "null" : '"' + esc(s) + '"';
    }

    static void escInto(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '/' -> sb.append("\\/");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    /** Graph's created_time form: {@code 2025-10-08T09:09:27+0000}. */
    static void appendTime(StringBuilder sb, long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secs = (int) Math.floorMod(epochSecond, 86_400L);
        LocalDate d = LocalDate.ofEpochDay(days);
        int y = d.getYear();
        sb.append(y);
        sb.append('-');
        two(sb, d.getMonthValue());
        sb.append('-');
        two(sb, d.getDayOfMonth());
        sb.append('T');
        two(sb, secs / 3600);
        sb.append(':');
        two(sb, (secs / 60) % 60);
        sb.append(':');
        two(sb, secs % 60);
        sb.append("+0000");
    }

    static String time(long epochSecond) {
        StringBuilder sb = new StringBuilder(24);
        appendTime(sb, epochSecond);
        return sb.toString();
    }

    private static void two(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /** SplitMix64 finaliser: a fast, well-mixed deterministic hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
